import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { installShutdownHook, type ProcessLike } from "./shutdown-hook";

/** A fake process: signals are events, exit records its code instead of ending the test run. */
function fakeProcess(): ProcessLike & { exits: number[]; emitter: EventEmitter; exited: Promise<number> } {
  const emitter = new EventEmitter();
  const exits: number[] = [];
  let resolveExit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((r) => (resolveExit = r));
  return {
    emitter,
    exits,
    exited,
    once: (e, l) => emitter.once(e, l),
    removeListener: (e, l) => emitter.removeListener(e, l),
    listenerCount: (e) => emitter.listenerCount(e),
    exit: ((code?: number) => {
      exits.push(code ?? 0);
      resolveExit(code ?? 0);
    }) as ProcessLike["exit"],
  };
}

const deferred = () => {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe("installShutdownHook", () => {
  it("holds another handler's exit until the registry has stopped, then exits with its code", async () => {
    const proc = fakeProcess();
    const stopping = deferred();
    const events: string[] = [];
    installShutdownHook({
      proc,
      stop: async () => {
        events.push("stop started");
        await stopping.promise;
        events.push("stopped");
      },
    });
    // Next's own handler: exits as soon as it is called.
    proc.emitter.on("SIGTERM", () => proc.exit(143));
    proc.emitter.emit("SIGTERM");
    expect(events).toEqual(["stop started"]);
    expect(proc.exits).toEqual([]);
    stopping.resolve();
    expect(await proc.exited).toBe(143);
    expect(events).toEqual(["stop started", "stopped"]);
  });

  it("ends the process itself when no other handler would (128 + signal)", async () => {
    const proc = fakeProcess();
    installShutdownHook({ proc, stop: async () => undefined });
    proc.emitter.emit("SIGINT");
    expect(await proc.exited).toBe(130);
  });

  it("does not wait longer than its timeout for a stop that hangs", async () => {
    const proc = fakeProcess();
    installShutdownHook({ proc, stop: () => new Promise<void>(() => undefined), timeoutMs: 50 });
    const started = performance.now();
    proc.emitter.emit("SIGTERM");
    expect(await proc.exited).toBe(143);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("ends the process after the grace period when the other handler never exits", async () => {
    const proc = fakeProcess();
    installShutdownHook({ proc, stop: async () => undefined, graceMs: 30 });
    proc.emitter.on("SIGTERM", () => undefined);
    proc.emitter.emit("SIGTERM");
    expect(await proc.exited).toBe(143);
  });
});
