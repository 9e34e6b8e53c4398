// A deduplicating work queue, as client-go's workqueue: a key queued several times before it is processed is
// processed once, and reconcile always reads the current state (level-triggered), so coalescing loses nothing.
import { StatusError } from "../apiserver/types";

export interface WorkQueue {
  add(key: string): void;
  addAfter(key: string, delayMs: number): void;
  /** True when nothing is queued, running or scheduled. */
  idle(): boolean;
  stop(): void;
}

/** How many keys one turn processes before yielding, so API requests keep being served during big seeds. */
const BATCH = 200;
const MAX_RETRIES = 8;

export function createWorkQueue(name: string, reconcile: (key: string) => void): WorkQueue {
  const queued = new Set<string>();
  const timers = new Map<string, NodeJS.Timeout>();
  const retries = new Map<string, number>();
  let scheduled = false;
  let stopped = false;

  const schedule = (): void => {
    if (scheduled || stopped) return;
    scheduled = true;
    setImmediate(drain);
  };

  function drain(): void {
    scheduled = false;
    // Take a batch first: keys re-queued while it runs wait for the next turn, so the other controllers (and
    // the HTTP server) get to react to what this batch wrote before these keys are looked at again.
    const batch: string[] = [];
    for (const key of queued) {
      if (batch.length >= BATCH) break;
      batch.push(key);
    }
    for (const key of batch) {
      if (stopped) return;
      queued.delete(key);
      runOne(key);
    }
    if (queued.size > 0) schedule();
  }

  function runOne(key: string): void {
    try {
      reconcile(key);
      retries.delete(key);
    } catch (error) {
      // A 409 means our cached copy was stale: the watch event that refreshes it is already on its way.
      const attempt = (retries.get(key) ?? 0) + 1;
      retries.set(key, attempt);
      const conflict = error instanceof StatusError && error.status.code === 409;
      if (!conflict || attempt > 2) console.error(`lab: ${name} ${key}: ${(error as Error).message}`);
      if (attempt <= MAX_RETRIES) queue.addAfter(key, Math.min(1000, 5 * 2 ** attempt));
      else retries.delete(key);
    }
  }

  const queue: WorkQueue = {
    add(key) {
      if (stopped) return;
      queued.add(key);
      schedule();
    },
    addAfter(key, delayMs) {
      if (stopped) return;
      if (delayMs <= 0) return queue.add(key);
      clearTimeout(timers.get(key));
      const timer = setTimeout(() => {
        timers.delete(key);
        queue.add(key);
      }, delayMs);
      timers.set(key, timer);
    },
    idle: () => queued.size === 0 && timers.size === 0 && !scheduled,
    stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      queued.clear();
    },
  };
  return queue;
}
