// Graceful shutdown for the registry: on SIGTERM/SIGINT, finish the writes in flight and release the leader
// Lease, so another replica takes over at its next retry (≈ 2 s) instead of waiting out the lease (15 s).
//
// Under `next start`, Next has its own SIGTERM/SIGINT handler: it closes the HTTP server and then calls
// process.exit(143/130) — within milliseconds when no request is open, which would cut the release short. So
// while the registry stops, an exit requested by anyone is held back (and then performed with its code); the
// whole stop is bounded by `timeoutMs`. Without another handler for the signal (a plain Node process), adding a
// listener removes Node's default "terminate", so the hook ends the process itself (128 + signal number, the
// shell's convention). If another handler exists but never exits (Next waiting on an open SSE connection), the
// process is ended `graceMs` after the stop, so a signal always ends it.

type Signal = "SIGTERM" | "SIGINT";

const SIGNAL_NUMBERS: Record<Signal, number> = { SIGINT: 2, SIGTERM: 15 };

/** The part of `process` the hook uses (a fake in tests). */
export type ProcessLike = {
  once(event: Signal, listener: () => void): unknown;
  removeListener(event: Signal, listener: () => void): unknown;
  listenerCount(event: Signal): number;
  exit: (code?: number) => never;
};

export type ShutdownDeps = {
  stop: () => Promise<void>;
  timeoutMs?: number;
  graceMs?: number;
  log?: (line: string) => void;
  proc?: ProcessLike;
};

/** Installs the hook; returns a function that removes it (tests, dev reloads). */
export function installShutdownHook(deps: ShutdownDeps): () => void {
  const proc = deps.proc ?? (process as unknown as ProcessLike);
  let started = false;
  const handlers = new Map<Signal, () => void>();

  async function shutdown(signal: Signal): Promise<void> {
    if (started) return;
    started = true;
    const realExit = proc.exit;
    let requested: number | undefined;
    proc.exit = ((code?: number) => {
      requested ??= code ?? 0;
    }) as ProcessLike["exit"];
    deps.log?.(`registry: ${signal}: finishing writes and releasing the leader Lease`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, deps.timeoutMs ?? 8_000)));
    await Promise.race([deps.stop().catch((err: unknown) => deps.log?.(`registry: stop failed: ${err instanceof Error ? err.message : String(err)}`)), deadline]);
    clearTimeout(timer);
    proc.exit = realExit;
    const code = 128 + SIGNAL_NUMBERS[signal];
    if (requested !== undefined) return void realExit(requested);
    // Only our own listener was there (it is gone now, `once`): nobody else will end the process.
    if (proc.listenerCount(signal) === 0) return void realExit(code);
    setTimeout(() => realExit(code), deps.graceMs ?? 10_000).unref();
  }

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    const handler = () => void shutdown(signal);
    handlers.set(signal, handler);
    proc.once(signal, handler);
  }
  return () => {
    for (const [signal, handler] of handlers) proc.removeListener(signal, handler);
  };
}
