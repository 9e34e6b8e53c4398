import type { Steps } from "@/lib/steps";

// Reading a large plan delta (a gateway serving every service of a big fleet) is linear in what changed, which can
// still be tens of thousands of objects: the readers hand the event loop back every few milliseconds, so SSE,
// probes, informers and the Lease renewals are never held up behind a preview. Several readers can be under way
// at once (a preview's walk, a page's failover table), and the slices of all of them that are due run in the same
// check phase, next to the requests let in then (server/http/admission.ts): hence a few milliseconds, not tens.
const SLICE_MS = 5;

/** An awaitable that yields to the event loop (setImmediate) once `SLICE_MS` have passed since the last yield. */
export function timeSlicer(sliceMs = SLICE_MS): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < sliceMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = performance.now();
        resolve();
      }),
    );
  };
}

/** Runs a computation written in steps (lib/steps.ts), handing the event loop back whenever a slice is used up. */
export async function runSliced<T>(steps: Steps<T>, slice: () => Promise<void> | undefined = timeSlicer()): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    const pause = slice();
    if (pause) await pause;
  }
}
