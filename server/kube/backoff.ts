export type Backoff = { initialMs: number; maxMs: number };

/**
 * Capped exponential backoff with "equal jitter": half the delay is fixed, half random, so
 * many informers failing at once (a cluster going down) do not retry in lockstep, yet none
 * retries immediately. `attempt` counts consecutive failures from 0.
 */
export function backoffDelay(attempt: number, backoff: Backoff, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempt, 0), 30);
  const capped = Math.min(backoff.maxMs, backoff.initialMs * 2 ** exponent);
  return Math.round(capped / 2 + random() * (capped / 2));
}

/** Waits `ms`, or less when `signal` aborts (resolves either way; callers check the signal). */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}
