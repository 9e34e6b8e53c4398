import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { CONSOLE_NODE_FLAGS, listenEnv, STANDALONE_SERVER } from "./standalone";

/** What every console the e2e starts on a lab is given: fast probes and retries, and the lab's loopback gateways. */
export function labConsoleSettings(kubeconfig: string): Record<string, string> {
  return {
    // Absolute: the standalone server runs in its own directory.
    KUBECONFIG: path.resolve(kubeconfig),
    NEXT_TELEMETRY_DISABLED: "1",
    // Probe every second so a cut-off cluster shows within a few seconds.
    EASTWEST_PROBE_INTERVAL_MS: "1000",
    EASTWEST_PROBE_TIMEOUT_MS: "1500",
    // Informers notice a hung API within the same time and retry quickly once it is back.
    EASTWEST_LIST_TIMEOUT_MS: "1500",
    EASTWEST_BACKOFF_MAX_MS: "1000",
    EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES: "true",
  };
}

/** A console a spec starts itself: this process's environment plus the lab settings (and `extra`). */
export function consoleEnv(kubeconfig: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...labConsoleSettings(kubeconfig), ...extra };
}

export type RunningConsole = { url: string; startedAt: Date; stop: () => Promise<void> };

/** Polls `url` until it answers 200, or fails after `deadlineMs` (no fixed sleeps: each try is a real request). */
async function waitUntilServing(url: string, child: ChildProcess, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the console on ${url} exited with code ${child.exitCode}`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > until) throw new Error(`the console on ${url} did not answer within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Starts another console process on the built app (the standalone server, as the image runs it), as a restart would: a fresh process with
 * nothing cached. It runs in its own process group, so stop() ends it and only it.
 */
export async function startConsole(port: number, env: NodeJS.ProcessEnv): Promise<RunningConsole> {
  const startedAt = new Date();
  const child = spawn(process.execPath, [...CONSOLE_NODE_FLAGS, STANDALONE_SERVER], { env: { ...env, ...listenEnv("127.0.0.1", port) }, detached: true, stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
    await exited;
  };
  try {
    await waitUntilServing(`${url}/`, child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, startedAt, stop };
}
