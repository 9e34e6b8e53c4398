// `HOST=0.0.0.0 npm run demo` must refuse before it builds or starts anything. The child runs in an empty
// directory with an empty PATH, so a demo that did not refuse could not build or start a lab here either: it would
// fail differently (no npx), and the assertions on the sentence would catch it.
import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const demo = fileURLToPath(new URL("./demo.ts", import.meta.url));
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

function runDemo(host: string): Promise<{ code: number | null; stderr: string }> {
  return mkdtemp(path.join(os.tmpdir(), "demo-listen-")).then(
    (cwd) =>
      new Promise((resolve) => {
        const child = execFile(process.execPath, ["--conditions=react-server", "--import", tsx, demo], { cwd, env: { NODE_ENV: "test", HOST: host, PATH: "" }, timeout: 20_000, encoding: "utf8" }, (_err, _stdout, stderr) =>
          resolve({ code: child.exitCode, stderr }),
        );
      }),
  );
}

describe("npm run demo with a non-loopback HOST", () => {
  it.each(["0.0.0.0", "::", "192.168.1.10"])("HOST=%s exits 1 with the reason", async (host) => {
    const { code, stderr } = await runDemo(host);
    expect(code).toBe(1);
    expect(stderr).toContain(`Eastwest Console refuses to listen on ${host}`);
    expect(stderr).toContain("no authentication is configured (EASTWEST_AUTH_MODE=none)");
  });
});
