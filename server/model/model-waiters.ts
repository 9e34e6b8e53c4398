// Callers of settled(): each waits for a state that digests the snapshot current at its call (a sequence number
// the model gives each new snapshot it sees), planned from that snapshot's own input.
import type { ModelState } from "./types";

type Waiter = { seq: number; resolve: (state: ModelState) => void; reject: (err: Error) => void };

export function createModelWaiters() {
  let waiters: Waiter[] = [];
  return {
    add(seq: number): Promise<ModelState> {
      return new Promise((resolve, reject) => waiters.push({ seq, resolve, reject }));
    },
    /** Resolves every waiter that `state` (of snapshot number `seq`) satisfies. */
    settle(state: ModelState, seq: number): void {
      if (!state.current || waiters.length === 0) return;
      const ready = waiters.filter((w) => w.seq <= seq);
      waiters = waiters.filter((w) => w.seq > seq);
      for (const w of ready) w.resolve(state);
    },
    rejectAll(err: Error): void {
      const all = waiters;
      waiters = [];
      for (const w of all) w.reject(err);
    },
  };
}
