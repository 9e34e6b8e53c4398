// Previews share the planner worker with the registry's plans, and the worker serves its requests in order. So
// previews wait here, on this thread, not in the worker's queue: at most one preview is in the worker at a time,
// and a plan the registry wants goes to the worker at once, behind at most that one preview (~0.3–0.5 s of the
// worker at 20 × 500), never behind a queue of them. A job leaves this queue only when it starts, so it reads the
// input of the latest plan sent then: a preview that waited compares with the freshest plan, not an older one.
// Bounded: past `maxWaiting` a preview is refused at once (503, "try again"), not held for minutes.
import { unavailable } from "@/server/errors";

export type PreviewGate = {
  /** Runs `job` when no other job of this gate runs; the jobs start in the order they came. */
  run<T>(job: () => Promise<T>): Promise<T>;
  /** Jobs waiting to start (the running one not counted). */
  waiting(): number;
  /** Refuses the jobs still waiting with `error`; the running one finishes. */
  stop(error: Error): void;
};

type Waiting = { start(): void; refuse(error: Error): void };

export const MAX_WAITING_PREVIEWS = 32;

export function createPreviewGate(maxWaiting = MAX_WAITING_PREVIEWS): PreviewGate {
  const queue: Waiting[] = [];
  let running = false;
  let stopped: Error | undefined;

  function next(): void {
    const head = queue.shift();
    running = head !== undefined;
    head?.start();
  }

  return {
    run<T>(job: () => Promise<T>): Promise<T> {
      if (stopped) return Promise.reject(stopped);
      if (queue.length >= maxWaiting) {
        return Promise.reject(unavailable(`The planner is busy: ${queue.length} previews are waiting for it. Try again in a few seconds.`));
      }
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          // A job that throws before its first await must not stop the queue: run it as a promise.
          Promise.resolve().then(job).then(resolve, reject).finally(next);
        };
        if (running) queue.push({ start, refuse: reject });
        else {
          running = true;
          start();
        }
      });
    },
    waiting: () => queue.length,
    stop(error) {
      stopped = error;
      for (const w of queue.splice(0)) w.refuse(error);
    },
  };
}
