// How much request work one event-loop iteration takes on. Node's poll phase runs the callback of every socket
// that became readable before it looks at timers again, so when ten people's requests arrive together, all ten
// are routed, answered, serialised and written in one iteration: measured at 20 clusters × 500 services, a team's
// burst of workspace pages made iterations of 50–100 ms, and every timer (the leader Lease's renewal, SSE pings,
// the informers' backoff) waited that long. Requests are admitted at once while the current iteration has used
// less than `budgetMs`; past that they queue (first come, first served) and are let in one per iteration, from the
// check phase, so timers and I/O run between them. Throughput is unchanged (the same work, one thread); what
// changes is that no iteration holds a whole burst. Idle, admission costs a clock read and one setImmediate.
/** Request work one iteration takes on before arrivals queue (proxy.ts). */
export const ADMISSION_BUDGET_MS = 6;
/**
 * Requests that may wait at once. Let in one per iteration (5–10 ms each under load), the last of 1,000 waits up to
 * about ten seconds; past that a request is refused at once (503, Retry-After) rather than held as the queue grows.
 */
export const MAX_WAITING_REQUESTS = 1_000;

/** `now`: start at once; `queued`: start when `turn` resolves; `full`: refused, `waiting` requests ahead. */
export type Admitted = { kind: "now" } | { kind: "queued"; turn: Promise<void> } | { kind: "full"; waiting: number };

export type Admission = {
  admit(): Admitted;
  /** Requests waiting (metrics, tests). */
  waiting(): number;
};

const NOW: Admitted = Object.freeze({ kind: "now" });

export function createAdmission(budgetMs: number, now: () => number = () => performance.now(), maxWaiting = MAX_WAITING_REQUESTS): Admission {
  // When the current iteration's first admission happened; cleared in its check phase, so the next iteration's
  // arrivals start a fresh budget.
  let iterationStart: number | undefined;
  const queue: Array<() => void> = [];
  let pumping = false;

  // Runs in a check phase: lets the oldest request in (its work runs in the microtasks right after this
  // callback) and schedules the next one; an immediate scheduled from the check phase runs in the next iteration.
  const pump = () => {
    queue.shift()?.();
    if (queue.length > 0) setImmediate(pump);
    else pumping = false;
  };

  return {
    admit() {
      const t = now();
      if (iterationStart === undefined) {
        iterationStart = t;
        setImmediate(() => (iterationStart = undefined));
      }
      const within = t - iterationStart < budgetMs;
      if (queue.length === 0 && within) return NOW;
      if (queue.length >= maxWaiting) return { kind: "full", waiting: queue.length };
      const turn = new Promise<void>((resolve) => queue.push(resolve));
      // Nobody overtakes the queue: with budget left in this iteration, its oldest request goes in instead (its
      // work runs right after this callback, so the next arrival's clock read sees it).
      if (within) queue.shift()?.();
      if (queue.length > 0 && !pumping) {
        pumping = true;
        setImmediate(pump);
      }
      return { kind: "queued", turn };
    },
    waiting: () => queue.length,
  };
}
