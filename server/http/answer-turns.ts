// Many requests often wait on one promise (a memoized answer, the fleet model's next state). When it settles,
// every waiter's rest — serialising its answer (a workspace detail is ~225 KiB of JSON at 20 × 500) and writing
// it to the socket — would run in one microtask drain, holding the event loop for all of them at once: 100
// detail calls answered together were 100–135 ms late timers. Each finished procedure takes a turn instead: one
// answer is released per event-loop iteration, so timers, I/O, the Lease's renewals and SSE run between answers.
// Idle, a turn costs one setImmediate.
let tail: Promise<void> = Promise.resolve();

/**
 * Resolves in an event-loop iteration of its own: each turn's setImmediate is scheduled when the previous turn
 * has fired (from inside the check phase), so Node runs it in the next iteration, after timers and I/O.
 */
export function answerTurn(): Promise<void> {
  const turn = tail.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
  tail = turn;
  return turn;
}
