// Child processes of the benchmark: started here, found by pid, stopped by pid.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { CONSOLE_NODE_FLAGS, listenEnv, STANDALONE_SERVER } from "../../e2e/support/standalone";

/** Starts a child and resolves with it and its output so far once `ready` matches its stdout. */
export function startWaiting(command: string, args: string[], ready: RegExp, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ child: ChildProcess; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let out = "";
    const timer = setTimeout(() => reject(new Error(`${command} ${args.join(" ")}: not ready within ${timeoutMs} ms`)), timeoutMs);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve({ child, output: () => out });
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      if (!/npm warn|MaxListeners|trace-warnings/.test(text)) process.stderr.write(text);
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited (${code}) before it was ready:\n${out.slice(-2000)}`));
    });
  });
}

/** Resolves when the child has exited by itself, or after `ms` (then the caller stops it). */
export function exited(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return Promise.race([new Promise<void>((resolve) => child.once("exit", () => resolve())), new Promise<void>((resolve) => setTimeout(resolve, ms).unref())]);
}

/** Stops a child we started (its whole process group: npx → node), then waits for it. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    child.kill("SIGTERM");
  }
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/**
 * The server process under `root` (npx → npm exec → sh → node): the descendant whose command line matches
 * `pattern` (Next retitles its server process "next-server (v16…)"), else the descendant using the most memory.
 */
export function findServer(root: number, pattern: RegExp): number | undefined {
  const all: number[] = [];
  for (const queue = [root]; queue.length > 0; ) {
    const pid = queue.shift() ?? 0;
    all.push(pid);
    queue.push(...childrenOf(pid));
  }
  const titled = all.find((pid) => {
    try {
      return pattern.test(readFileSync(`/proc/${pid}/cmdline`, "utf8"));
    } catch {
      return false;
    }
  });
  if (titled !== undefined) return titled;
  const sized = all.map((pid) => [pid, safeRss(pid)] as const).sort((a, b) => b[1] - a[1]);
  return sized[0]?.[0];
}

function safeRss(pid: number): number {
  try {
    return rssOf(pid);
  } catch {
    return 0;
  }
}

/** VmRSS of a process, in bytes. */
export function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

/**
 * The console as the image starts it (Next's standalone server, built by `npm run build` or buildIfNeeded), on
 * loopback at `port`: what the benchmarks measure is what a team deploys. It changes into its own directory, so
 * KUBECONFIG and every other path in `env` must be absolute.
 */
export function startConsole(port: number, env: NodeJS.ProcessEnv, timeoutMs = 120_000) {
  return startWaiting("node", [...CONSOLE_NODE_FLAGS, resolve(STANDALONE_SERVER)], /Ready in/i, { ...env, ...listenEnv("127.0.0.1", port) }, timeoutMs);
}

export type ScaleExtras = { workspaces?: number; gateways?: boolean };

/** Starts the lab's `scale` scenario as its own process (ephemeral ports) and waits for `lab ready`. */
export function startScaleLab(clusters: number, services: number, kubeconfig: string, env: NodeJS.ProcessEnv, extras: ScaleExtras = {}) {
  const extra = [...(extras.workspaces ? ["--workspaces", String(extras.workspaces)] : []), ...(extras.gateways ? ["--gateways"] : [])];
  console.log(`bench: starting the lab (scale, ${clusters} × ${services}${extra.length > 0 ? `, ${extra.join(" ")}` : ""})…`);
  const args = ["tsx", "lab/main.ts", "--scenario", "scale", "--clusters", String(clusters), "--services", String(services), ...extra, "--kubeconfig", kubeconfig, "--port-base", "0", "--admin-port", "0"];
  return startWaiting("npx", args, /lab ready/, env, 20 * 60_000);
}

/** Lines of a child's stdout matching `pattern`, each with when it arrived (performance.now()). */
export function watchLines(child: ChildProcess, pattern: RegExp): Array<{ line: string; at: number }> {
  const seen: Array<{ line: string; at: number }> = [];
  let partial = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    const at = performance.now();
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) if (pattern.test(line)) seen.push({ line, at });
  });
  return seen;
}
