// Long pure computations written as generators that yield between steps (`yield` = "a good place to pause"), so
// one body serves both callers: pure code and tests drain it at once (`drain`), and the server runs it in slices
// of the event loop (server/workspaces/time-slice.ts `runSliced`) so SSE, probes, informers and the Lease are
// never held up behind a fleet-wide recompute. Pure: the generator holds its own state; nothing here is shared.

/** A computation of `T` in steps. */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step now and returns the result. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
