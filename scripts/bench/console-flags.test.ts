import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CONSOLE_NODE_FLAGS } from "../../e2e/support/standalone";
import { hasConsoleFlags } from "./console-flags";

describe("the console's Node flags in a benchmark's process", () => {
  it.each([
    [[], false],
    [["--conditions=react-server"], false],
    [[...CONSOLE_NODE_FLAGS, "--conditions=react-server"], true],
  ])("%j → %s", (execArgv, expected) => {
    expect(hasConsoleFlags(execArgv)).toBe(expected);
  });

  const dir = mkdtempSync(join(tmpdir(), "console-flags-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a script started without them runs again with them, keeping its loader and arguments, and exits with that run's code", () => {
    const script = join(dir, "script.ts");
    const flagsModule = resolve("scripts/bench/console-flags.ts");
    writeFileSync(script, `import { ensureConsoleFlags } from ${JSON.stringify(flagsModule)};\nensureConsoleFlags();\nconsole.log(JSON.stringify({ execArgv: process.execArgv, args: process.argv.slice(2) }));\nprocess.exit(3);\n`);
    const run = spawnSync(process.execPath, ["--import", "tsx", script, "--clusters", "2"], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(3);
    const seen = JSON.parse(run.stdout) as { execArgv: string[]; args: string[] };
    expect(seen.execArgv).toEqual(expect.arrayContaining([...CONSOLE_NODE_FLAGS, "--import", "tsx"]));
    expect(seen.args).toEqual(["--clusters", "2"]);
  });
});
