// Who hears of the model's states: subscribers, called with each new state and never re-entrantly (a state
// published while they are being called is delivered after), and callers of settled(), each waiting for a state
// that digests the snapshot current at its call (a sequence number the model gives each new snapshot it sees),
// planned from that snapshot's own input.
import type { ModelState } from "./types";

type Waiter = { seq: number; resolve: (state: ModelState) => void; reject: (err: Error) => void };

export function createModelWaiters(log?: (line: string) => void) {
  let waiters: Waiter[] = [];
  const listeners = new Set<(state: ModelState) => void>();
  let latest: { state: ModelState; seq: number } | undefined;
  let notifying = false;
  let again = false;

  /** Resolves every waiter the latest state satisfies. */
  function settle(): void {
    if (!latest?.state.current || waiters.length === 0) return;
    const { state, seq } = latest;
    const ready = waiters.filter((w) => w.seq <= seq);
    waiters = waiters.filter((w) => w.seq > seq);
    for (const w of ready) w.resolve(state);
  }

  function deliver(state: ModelState): void {
    for (const listener of [...listeners]) {
      try {
        listener(state);
      } catch (err) {
        // One reader's failure must not keep the state from the others (nor throw into a timer).
        log?.(`fleet model: a subscriber failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  return {
    subscribe(listener: (state: ModelState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** `state` digests the snapshot numbered `seq`. */
    publish(state: ModelState, seq: number): void {
      latest = { state, seq };
      if (notifying) return void (again = true);
      notifying = true;
      try {
        do {
          again = false;
          settle();
          deliver(latest.state);
        } while (again);
      } finally {
        notifying = false;
      }
    },
    wait(seq: number): Promise<ModelState> {
      const waiting = new Promise<ModelState>((resolve, reject) => waiters.push({ seq, resolve, reject }));
      settle();
      return waiting;
    },
    stop(err: Error): void {
      const all = waiters;
      waiters = [];
      listeners.clear();
      for (const w of all) w.reject(err);
    },
  };
}
