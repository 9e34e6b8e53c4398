// Answers waiting together are released one per event-loop iteration, with timers running between them.
import { describe, expect, it } from "vitest";
import { answerTurn } from "./answer-turns";

describe("answer turns", () => {
  it("releases one waiter per iteration, never two in one drain", async () => {
    const log: string[] = [];
    const turns = Array.from({ length: 5 }, (_, i) => answerTurn().then(() => void log.push(`answer ${i}`)));
    // One mark per iteration: each is scheduled from the previous one's check phase.
    let marks = 0;
    const mark = () => {
      log.push("iteration");
      if (++marks < 12) setImmediate(mark);
    };
    setImmediate(mark);
    await Promise.all(turns);
    expect(log.filter((entry) => entry.startsWith("answer"))).toEqual(["answer 0", "answer 1", "answer 2", "answer 3", "answer 4"]);
    // Between any two answers, an iteration passed.
    const at = log.flatMap((entry, i) => (entry.startsWith("answer") ? [i] : []));
    for (let k = 1; k < at.length; k++) expect(log.slice((at[k - 1] ?? 0) + 1, at[k])).toContain("iteration");
  });

  it("lets a timer that came due run between two answers", async () => {
    const log: string[] = [];
    const first = answerTurn().then(() => {
      log.push("answer 0");
      setTimeout(() => log.push("timer"), 0);
      // Serialising this answer takes a few milliseconds of CPU, so the timer is due before the next answer.
      const until = performance.now() + 5;
      while (performance.now() < until);
    });
    const second = answerTurn().then(() => void log.push("answer 1"));
    await Promise.all([first, second, answerTurn()]);
    expect(log).toEqual(["answer 0", "timer", "answer 1"]);
  });
});
