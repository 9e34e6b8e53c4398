// Shared set-up for the conformance suites: a lab on ephemeral ports with its kubeconfig in a temp dir, a
// kubectl runner (execFile, HOME in a temp dir so no user config leaks in) and bounded condition waits.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLab, type Lab, type LabOptions } from "../start";

export interface LabFixture {
  lab: Lab;
  dir: string;
  kubeconfig: string;
  close(): Promise<void>;
}

export async function startTestLab(options: LabOptions = {}): Promise<LabFixture> {
  const dir = await mkdtemp(join(tmpdir(), "lab-conformance-"));
  const kubeconfig = join(dir, "kube", "config");
  const lab = await startLab({ scenario: "e2e", portBase: 0, adminPort: 0, kubeconfigPath: kubeconfig, podReadyDelayMs: 100, ...options });
  return {
    lab,
    dir,
    kubeconfig,
    async close() {
      await lab.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

// kubectl from KUBECTL, else found on PATH (as a person runs it).
export const KUBECTL = process.env.KUBECTL ?? "kubectl";

function kubectlEnv(fx: LabFixture): NodeJS.ProcessEnv {
  // HOME in the temp dir: no user kubeconfig or cache leaks in, and none is written outside it.
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: fx.dir, KUBECACHEDIR: join(fx.dir, "cache") };
  delete env.KUBECONFIG;
  return env;
}

/** Runs kubectl against the lab (`--kubeconfig <lab> --context west` unless the args choose otherwise). */
export function kubectl(fx: LabFixture, args: string[], options: { context?: string | null; input?: string; timeoutMs?: number } = {}): Promise<KubectlResult> {
  const context = options.context === undefined ? "west" : options.context;
  const full = [...(args.includes("--kubeconfig") ? [] : ["--kubeconfig", fx.kubeconfig]), ...(context ? ["--context", context] : []), ...args];
  return new Promise((resolve) => {
    const child = execFile(KUBECTL, full, { env: kubectlEnv(fx), timeout: options.timeoutMs ?? 60_000, encoding: "utf8" }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

export interface KubectlProcess {
  /** Resolves once the output so far satisfies `predicate` (rejects on timeout or early exit). */
  until(predicate: (stdout: string) => boolean, timeoutMs?: number): Promise<string>;
  stop(): void;
}

/** Starts a long-running kubectl such as `get -w` against the west context. */
export function startKubectl(fx: LabFixture, args: string[]): KubectlProcess {
  const child: ChildProcess = spawn(KUBECTL, ["--kubeconfig", fx.kubeconfig, "--context", "west", ...args], { env: kubectlEnv(fx) });
  let out = "";
  let err = "";
  let exited = false;
  const listeners = new Set<() => void>();
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    for (const l of listeners) l();
  });
  child.stderr?.on("data", (chunk: Buffer) => void (err += chunk.toString()));
  child.on("exit", () => {
    exited = true;
    for (const l of listeners) l();
  });
  return {
    until(predicate, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const done = (error?: Error): void => {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) reject(error);
          else resolve(out);
        };
        const timer = setTimeout(() => done(new Error(`kubectl ${args.join(" ")}: timed out; stdout:\n${out}\nstderr:\n${err}`)), timeoutMs);
        const check = (): void => {
          if (predicate(out)) done();
          else if (exited) done(new Error(`kubectl exited early; stdout:\n${out}\nstderr:\n${err}`));
        };
        listeners.add(check);
        check();
      });
    },
    stop: () => void child.kill("SIGTERM"),
  };
}

export async function writeManifest(fx: LabFixture, name: string, text: string): Promise<string> {
  const path = join(fx.dir, name);
  await writeFile(path, text);
  return path;
}

/** Polls `check` until it returns a value (not undefined), up to timeoutMs: a bounded wait on a condition. */
export async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Splits kubectl's table output into rows of whitespace-separated cells (header first). */
export function table(stdout: string): string[][] {
  return stdout.trim().split("\n").filter((l) => l.trim() !== "").map((l) => l.trim().split(/\s+/));
}
