// A keyed work queue in the style of client-go's: a key is queued at most once however many events arrive for
// it (bursts coalesce), is never processed by two workers at once (an add while it runs marks it dirty and it
// runs once more afterwards), and a failed key is retried with exponential backoff instead of hot-looping
// (the informers' capped, jittered backoff: many keys failing at once do not retry in lockstep).
// Coalescing is on the leading edge: a key that has not started within the window starts at once (a lone change
// is written without waiting), and the adds that follow within the window become one more pass at its end.
import { backoffDelay } from "@/server/kube/backoff";

export type QueueResult = "done" | "retry";

export type WorkQueueOptions<K> = {
  process: (key: K) => Promise<QueueResult>;
  /** Keys processed at the same time (different keys only). */
  concurrency: number;
  /** A key starts at most once per this window: the first add of a burst at once, the rest as one pass after. */
  coalesceMs: number;
  backoff: { initialMs: number; maxMs: number };
  onError?: (key: K, err: unknown) => void;
};

export type WorkQueue<K> = {
  add(key: K): void;
  /** Resolves when nothing is queued, running or waiting for a retry that is due within the coalescing window. */
  idle(): Promise<void>;
  /** Pending retry count per key (for status and tests). */
  failures(key: K): number;
  shutdown(): void;
};

export function createWorkQueue<K>(options: WorkQueueOptions<K>): WorkQueue<K> {
  const queued: K[] = [];
  const queuedSet = new Set<K>();
  const running = new Set<K>();
  const dirty = new Set<K>();
  const timers = new Map<K, ReturnType<typeof setTimeout>>();
  const failureCount = new Map<K, number>();
  /** When each key last started (performance.now()): the coalescing window runs from there. */
  const started = new Map<K, number>();
  let waiters: Array<() => void> = [];
  let closed = false;

  // After shutdown only the running keys matter: nothing queued will ever start.
  const isIdle = () => running.size === 0 && (closed || (queued.length === 0 && timers.size === 0));
  const settle = () => {
    if (!isIdle()) return;
    const ready = waiters;
    waiters = [];
    for (const w of ready) w();
  };

  function pump(): void {
    while (!closed && running.size < options.concurrency) {
      const index = queued.findIndex((k) => !running.has(k));
      if (index < 0) break;
      const [key] = queued.splice(index, 1) as [K];
      queuedSet.delete(key);
      running.add(key);
      started.set(key, performance.now());
      void run(key);
    }
    settle();
  }

  async function run(key: K): Promise<void> {
    let result: QueueResult = "retry";
    try {
      result = await options.process(key);
    } catch (err) {
      options.onError?.(key, err);
    }
    running.delete(key);
    if (result === "done") failureCount.delete(key);
    if (dirty.delete(key) && !closed) coalesce(key);
    else if (result === "retry" && !closed) schedule(key, backoffDelay(failureCount.get(key) ?? 0, options.backoff), true);
    pump();
  }

  function enqueueNow(key: K): void {
    if (queuedSet.has(key)) return;
    queuedSet.add(key);
    queued.push(key);
  }

  /** Now when the key has not started within the window, else at the window's end. */
  function coalesce(key: K): void {
    const wait = (started.get(key) ?? -Infinity) + options.coalesceMs - performance.now();
    if (wait > 0) schedule(key, wait, false);
    else enqueueNow(key);
  }

  function schedule(key: K, delayMs: number, failed: boolean): void {
    if (timers.has(key) || queuedSet.has(key)) return;
    if (failed) failureCount.set(key, (failureCount.get(key) ?? 0) + 1);
    const timer = setTimeout(() => {
      timers.delete(key);
      // A timer can fire a little early by performance.now() (libuv counts from the loop's cached time, which is
      // behind it while a busy turn runs): the window is checked again rather than cut short.
      if (failed) enqueueNow(key);
      else coalesce(key);
      pump();
    }, delayMs);
    timer.unref?.();
    timers.set(key, timer);
  }

  return {
    add(key) {
      if (closed) return;
      if (running.has(key)) dirty.add(key);
      else coalesce(key);
      pump();
    },
    idle: () => (isIdle() ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
    failures: (key) => failureCount.get(key) ?? 0,
    shutdown() {
      closed = true;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      queued.length = 0;
      queuedSet.clear();
      started.clear();
      settle();
    },
  };
}
