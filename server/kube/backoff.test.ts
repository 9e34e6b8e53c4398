import { describe, expect, it } from "vitest";
import { backoffDelay, pause } from "./backoff";

const policy = { initialMs: 100, maxMs: 2000 };

describe("backoffDelay", () => {
  it.each([
    // attempt, random, expected
    [0, 0, 50],
    [0, 1, 100],
    [1, 0, 100],
    [3, 1, 800],
    [4, 0.5, 1200],
    [5, 1, 2000],
    [50, 1, 2000],
    [50, 0, 1000],
    [-1, 1, 100],
  ])("attempt %i with random %f waits %i ms", (attempt, random, expected) => {
    expect(backoffDelay(attempt, policy, () => random)).toBe(expected);
  });
});

describe("pause", () => {
  it("returns at once when the signal aborts", async () => {
    const controller = new AbortController();
    const started = performance.now();
    const waiting = pause(60_000, controller.signal);
    controller.abort();
    await waiting;
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
