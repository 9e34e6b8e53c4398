import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { CONSOLE_NODE_FLAGS, listenEnv, STANDALONE_SERVER } from "./support/standalone";

// The built console, started by hand on every interface with no authentication configured, exits with the reason
// instead of serving. It is pointed at a kubeconfig that does not exist, so even a console that failed to refuse
// would reach no cluster.

function startConsole(host: string, port: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...CONSOLE_NODE_FLAGS, STANDALONE_SERVER], {
      env: { ...process.env, KUBECONFIG: path.resolve(".lab/e2e/does-not-exist/kubeconfig"), NEXT_TELEMETRY_DISABLED: "1", ...listenEnv(host, port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    // A console that does not refuse keeps running: stop it at the deadline so the assertions report it.
    const deadline = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(deadline);
      resolve({ code, output });
    });
  });
}

test("with no authentication the console refuses to listen on every interface, and says why", async () => {
  const { code, output } = await startConsole("0.0.0.0", 3109);
  expect(output).toContain("Eastwest Console refuses to listen on 0.0.0.0 (every interface): no authentication is configured");
  expect(code).toBe(1);
});
