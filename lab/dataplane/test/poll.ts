// Polling a condition with a deadline: the data plane follows the stores through watches (and an istiod-like
// debounce), so a test waits for the traffic to show a change, never for a fixed time. Used by the must-hold
// tests and the benchmark alike (so it does not depend on vitest).

export interface PollOptions {
  timeoutMs: number;
  /** Pause between attempts that found nothing, so a poll does not spin a core (default 25 ms). */
  intervalMs?: number;
}

/** Calls `attempt` until it yields a value; rejects with `what` and the last attempt's error after the deadline. */
export async function pollUntil<T>(what: string, attempt: () => Promise<T | undefined>, options: PollOptions): Promise<T> {
  const deadline = performance.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (performance.now() >= deadline) {
      const cause = lastError instanceof Error ? `: ${lastError.message}` : "";
      throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 25));
  }
}
