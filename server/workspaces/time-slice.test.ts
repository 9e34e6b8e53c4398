import { describe, expect, it } from "vitest";
import type { Steps } from "@/lib/steps";
import { runSliced } from "./time-slice";

function* steps(n: number, done: number[]): Steps<string> {
  for (let i = 0; i < n; i++) {
    done.push(i);
    yield;
  }
  return `ran ${n}`;
}

describe("runSliced", () => {
  it("pauses exactly when the slicer says so, and between pauses keeps running synchronously", async () => {
    const done: number[] = [];
    let asked = 0;
    const seenAtPause: number[] = [];
    // A slicer that asks for a pause every third step (as timeSlicer does once its time is used up).
    const slicer = () => (++asked % 3 === 0 ? Promise.resolve().then(() => void seenAtPause.push(done.length)) : undefined);
    await expect(runSliced(steps(7, done), slicer)).resolves.toBe("ran 7");
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(asked).toBe(7);
    expect(seenAtPause).toEqual([3, 6]);
  });

  it("hands the event loop back: a timer queued before a long computation runs before it ends", async () => {
    let timerRan = false;
    let timerRanBeforeEnd = false;
    setTimeout(() => void (timerRan = true), 0);
    function* long(): Steps<void> {
      for (let i = 0; i < 50; i++) {
        const until = performance.now() + 2;
        while (performance.now() < until) {
          // Busy: 2 ms of CPU per step, 100 ms in all.
        }
        yield;
      }
      timerRanBeforeEnd = timerRan;
    }
    await runSliced(long());
    expect(timerRanBeforeEnd).toBe(true);
  });
});
