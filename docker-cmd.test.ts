// The container image starts the console with the same Node flags as every other launcher (npm run demo, the e2e
// consoles, the benchmarks): e2e/support/standalone.ts CONSOLE_NODE_FLAGS. No container engine runs here, so the
// Dockerfile's CMD is read as text.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONSOLE_NODE_FLAGS } from "./e2e/support/standalone";

describe("Dockerfile CMD", () => {
  it("runs server.js with the console's Node flags, in exec form", () => {
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(new URL("./Dockerfile", import.meta.url), "utf8"))?.[1];
    expect(cmd && (JSON.parse(cmd) as unknown)).toEqual([...CONSOLE_NODE_FLAGS, "server.js"]);
  });
});
