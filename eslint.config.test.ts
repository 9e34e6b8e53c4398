// The layering rules of eslint.config.mjs fire where they should and nowhere else. Code is linted in memory
// under a virtual path (no file is written), with the type-aware rules off: they need the file on disk, and
// the layering rules are syntactic.
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: import.meta.dirname,
    overrideConfig: [
      {
        files: ["**/*.ts", "**/*.tsx"],
        languageOptions: { parserOptions: { projectService: false } },
        rules: {
          "@typescript-eslint/no-floating-promises": "off",
          "@typescript-eslint/no-misused-promises": "off",
          "@typescript-eslint/await-thenable": "off",
          "@typescript-eslint/no-unused-vars": "off",
        },
      },
    ],
  });
});

async function layeringRules(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`).sort();
}

const IMPORTS = "no-restricted-imports";
const GLOBALS = "no-restricted-globals";
const SYNTAX = "no-restricted-syntax";

describe("layering", () => {
  it.each([
    // lib/ is pure: no Node built-ins, no process, no client-node, no lab.
    ["lib/plan/x.ts", `import { readFileSync } from "node:fs"; export const a = readFileSync;`, [IMPORTS]],
    ["lib/plan/x.ts", `import { readFileSync } from "fs"; export const a = readFileSync;`, [IMPORTS]],
    ["lib/plan/x.ts", `import { join } from "path/posix"; export const a = join;`, [IMPORTS]],
    ["lib/plan/x.ts", `import { createHash } from "crypto"; export const a = createHash;`, [IMPORTS]],
    ["lib/plan/x.ts", `export const a = process.env.HOME;`, [GLOBALS]],
    ["lib/plan/x.ts", `export const a = globalThis.process.env.HOME;`, [SYNTAX]],
    ["lib/plan/x.ts", `export const load = () => import("node:fs");`, [SYNTAX]],
    ["lib/plan/x.ts", `import { KubeConfig } from "@kubernetes/client-node"; export const a = KubeConfig;`, [IMPORTS]],
    ["lib/plan/x.ts", `import { startLab } from "@/lab/start"; export const a = startLab;`, [IMPORTS]],
    ["lib/plan/x.ts", `import { z } from "zod"; import { b } from "./crypto-like"; import { c } from "../path"; export const a = [z, b, c];`, []],
    // lib's tests may use the lab, but not Node built-ins.
    ["lib/plan/x.test.ts", `import { startLab } from "@/lab/start"; export const a = startLab;`, []],
    ["lib/plan/x.test.ts", `import { readFileSync } from "node:fs"; export const a = readFileSync;`, [IMPORTS]],
    // Only server/kube/ imports client-node; no product file imports lab/.
    ["server/fleet/x.ts", `import { KubeConfig } from "@kubernetes/client-node"; export const a = KubeConfig;`, [IMPORTS]],
    ["server/fleet/x.ts", `import type { KubeConfig } from "@kubernetes/client-node/dist/config"; export type A = KubeConfig;`, [IMPORTS]],
    ["server/fleet/x.ts", `export const load = () => import("@kubernetes/client-node");`, [SYNTAX]],
    ["server/fleet/x.ts", `import { readFile } from "node:fs/promises"; export const a = [readFile, process.env.HOME];`, []],
    ["server/kube/x.ts", `import { KubeConfig } from "@kubernetes/client-node"; export const a = KubeConfig;`, []],
    ["server/kube/x.ts", `import { startLab } from "../../lab/start"; export const a = startLab;`, [IMPORTS]],
    ["server/registry/x.ts", `export const load = () => import("../../lab/start");`, [SYNTAX]],
    ["app/page.tsx", `import { startLab } from "../lab/start"; export const a = startLab;`, [IMPORTS]],
    ["components/x.tsx", `export { startLab } from "@/lab/start";`, [IMPORTS]],
    ["instrumentation.ts", `import { startLab } from "./lab/start"; export const a = startLab;`, [IMPORTS]],
    // Tests and their fixtures may start a lab.
    ["server/fleet/x.test.ts", `import { startLab } from "@/lab/start"; export const a = startLab;`, []],
    ["server/registry/x.int.test.ts", `import { startLab } from "../../lab/start"; export const a = startLab;`, []],
    ["server/registry/test/fixture.ts", `import { startLab } from "@/lab/start"; export const a = startLab;`, []],
    // The lab imports nothing of the product, tests included.
    ["lab/controllers/x.ts", `import { plan } from "../../lib/plan/plan"; export const a = plan;`, [IMPORTS]],
    ["lab/controllers/x.ts", `import { plan } from "@/lib/plan/plan"; export const a = plan;`, [IMPORTS]],
    ["lab/controllers/x.test.ts", `import type { FleetSnapshot } from "@/lib/fleet/snapshot-types"; export type A = FleetSnapshot;`, [IMPORTS]],
    ["lab/conformance/x.test.ts", `import { env } from "../../server/env"; export const a = env;`, [IMPORTS]],
    ["lab/apiserver/x.ts", `import { createApiServer } from "./server"; import type { KubeObject } from "../apiserver/types"; export const a = createApiServer; export type B = KubeObject;`, []],
    ["lab/conformance/x.test.ts", `import { KubeConfig } from "@kubernetes/client-node"; export const a = KubeConfig;`, []],
    // Scripts may start the lab but reach clusters through server/kube like the product.
    ["scripts/x.ts", `import { startLab } from "../lab/start"; export const a = startLab;`, []],
    ["scripts/x.ts", `import { KubeConfig } from "@kubernetes/client-node"; export const a = KubeConfig;`, [IMPORTS]],
  ])("%s: %s", async (file, code, expected) => {
    expect(await layeringRules(file, code)).toEqual(expected);
  });
});
