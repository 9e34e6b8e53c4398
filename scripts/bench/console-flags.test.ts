import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CONSOLE_NODE_FLAGS } from "../../e2e/support/standalone";
import { benchNodeFlags, deployedHeapFlag, hasFlags } from "./console-flags";

const MANIFEST = readFileSync("deploy/base/deployment.yaml", "utf8");

const withOptions = (value: string | undefined) => `
kind: ServiceAccount
metadata: { name: x }
---
kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: console
          env:
            - { name: PORT, value: "3000" }
${value === undefined ? "" : `            - { name: NODE_OPTIONS, value: "${value}" }`}
`;

describe("the console's Node flags in a benchmark's process", () => {
  it.each([
    [[], false],
    [["--conditions=react-server"], false],
    [[...CONSOLE_NODE_FLAGS, "--conditions=react-server"], true],
  ])("%j → %s", (execArgv, expected) => {
    expect(hasFlags(CONSOLE_NODE_FLAGS, execArgv)).toBe(expected);
  });

  it("reads the heap bound the shipped Deployment gives the console", () => {
    expect(deployedHeapFlag(MANIFEST)).toMatch(/^--max-old-space-size=\d+$/);
  });

  it.each([
    ["--max-old-space-size=1536", "--max-old-space-size=1536"],
    ["--enable-source-maps --max-old-space-size=3072", "--max-old-space-size=3072"],
  ])("NODE_OPTIONS %j → %s", (options, flag) => {
    expect(deployedHeapFlag(withOptions(options))).toBe(flag);
  });

  it.each([
    ["no NODE_OPTIONS", withOptions(undefined)],
    ["NODE_OPTIONS without a heap bound", withOptions("--enable-source-maps")],
    ["a malformed bound", withOptions("--max-old-space-size=lots")],
  ])("%s: an error, never an unbounded run", (_, manifest) => {
    expect(() => deployedHeapFlag(manifest)).toThrow(/max-old-space-size/);
  });

  it.each([
    [undefined, [...CONSOLE_NODE_FLAGS, "--max-old-space-size=1536"]],
    ["--trace-warnings", [...CONSOLE_NODE_FLAGS, "--max-old-space-size=1536"]],
    ["--max-old-space-size=12288", [...CONSOLE_NODE_FLAGS]],
  ])("with NODE_OPTIONS %j the benchmark runs with %j", (options, flags) => {
    expect(benchNodeFlags(options, withOptions("--max-old-space-size=1536"))).toEqual(flags);
  });

  const dir = mkdtempSync(join(tmpdir(), "console-flags-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a script started without them runs again with them and the heap bound, keeping its loader and arguments, sets what the console sets at start, and exits with that run's code", () => {
    const script = join(dir, "script.ts");
    const flagsModule = resolve("scripts/bench/console-flags.ts");
    writeFileSync(script, `import { runAsConsoleProcess } from ${JSON.stringify(flagsModule)};\nconst settings = runAsConsoleProcess();\nconsole.log(JSON.stringify({ execArgv: process.execArgv, args: process.argv.slice(2), settings }));\nprocess.exit(3);\n`);
    const run = spawnSync(process.execPath, ["--import", "tsx", script, "--clusters", "2"], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
    expect(run.status, run.stderr).toBe(3);
    const seen = JSON.parse(run.stdout) as { execArgv: string[]; args: string[]; settings: { kind: string } };
    expect(seen.execArgv).toEqual(expect.arrayContaining([...CONSOLE_NODE_FLAGS, deployedHeapFlag(MANIFEST), "--import", "tsx"]));
    expect(seen.args).toEqual(["--clusters", "2"]);
    // And, as the console's server does at start, its helper threads went below the event loop (Linux).
    expect(seen.settings.kind).toBe(process.platform === "linux" ? "lowered" : "skipped");
  });
});
