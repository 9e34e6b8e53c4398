// Small helpers for the project's own scripts (demo, e2e): start child processes, wait for a line they print,
// and stop them together. Scripts only — product code never starts processes.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Echoes a child's output line by line with a prefix, leaving out lines that match `hide` (e.g. a secret). */
function echoer(prefix: string, hide: RegExp | undefined): (text: string) => void {
  let partial = "";
  return (text) => {
    const lines = (partial + text).split("\n");
    partial = lines.pop() ?? "";
    const shown = lines.filter((line) => !hide?.test(line)).map((line) => (line === "" ? "\n" : `${prefix}${line}\n`));
    if (shown.length > 0) process.stdout.write(shown.join(""));
  };
}

/**
 * Starts a long-running child and resolves once a line of its stdout matches `ready` (rejects if it exits first).
 * `hide`: lines of its stdout not to echo.
 */
export function startUntil(
  command: string,
  args: string[],
  ready: RegExp,
  options: SpawnOptions & { prefix?: string; timeoutMs?: number; hide?: RegExp } = {},
): Promise<ChildProcess> {
  const { prefix = "", timeoutMs = 120_000, hide, ...spawnOptions } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "inherit"], ...spawnOptions });
    const timer = setTimeout(() => reject(new Error(`${command} ${args.join(" ")} did not print ${ready} within ${timeoutMs} ms`)), timeoutMs);
    let buffered = "";
    const echo = echoer(prefix, hide);
    child.stdout?.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      echo(text);
      buffered += text;
      if (ready.test(buffered)) {
        clearTimeout(timer);
        buffered = "";
        resolve(child);
      }
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with code ${code} before it was ready`));
    });
  });
}

/** Stops children on SIGINT/SIGTERM and exits once they are gone. */
export function stopTogetherOnSignal(children: ChildProcess[]): void {
  const stop = (): void => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    Promise.all(children.map((child) => (child.exitCode === null ? new Promise((r) => child.once("exit", r)) : Promise.resolve()))).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
