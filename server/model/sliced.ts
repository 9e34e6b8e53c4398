// Runs a generator of steps on the event loop in slices: synchronously while the steps are quick (a small change
// is digested before the caller returns), and from `sliceMs` on, one slice per macrotask, so a cold start's diff
// of every planned object never holds the loop (SSE, probes, the leader Lease) for more than about a slice.
export function runSliced<T>(steps: Generator<void, T>, sliceMs: number, done: (value: T) => void, failed: (err: unknown) => void, cancelled: () => boolean): void {
  const started = performance.now();
  try {
    for (;;) {
      const step = steps.next();
      if (step.done) return done(step.value);
      if (performance.now() - started > sliceMs) {
        setImmediate(() => (cancelled() ? undefined : runSliced(steps, sliceMs, done, failed, cancelled)));
        return;
      }
    }
  } catch (err) {
    failed(err);
  }
}
