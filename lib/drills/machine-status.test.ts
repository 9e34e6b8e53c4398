import { describe, expect, it } from "vitest";
import { enteredAt, enterPhase, finalPhaseOf, finish, secondsBetween, withCondition, withOutcome } from "./machine-status";
import type { DrillStatus } from "./schema";

const T = Date.parse("2026-12-05T01:00:00Z");
const empty: DrillStatus = { conditions: [], timeline: [] };

describe("withCondition", () => {
  const first = withCondition(empty, { type: "Restored", status: "Unknown", reason: "Restoring", message: "a" }, T);

  it.each([
    ["same status, new message: keeps the transition time", { status: "Unknown" as const, message: "b" }, "2026-12-05T01:00:00.000Z"],
    ["new status: a new transition time", { status: "True" as const, message: "b" }, "2026-12-05T01:00:05.000Z"],
  ])("%s", (_name, edit, time) => {
    const next = withCondition(first, { type: "Restored", reason: "Restoring", ...edit }, T + 5000);
    expect(next.conditions).toEqual([{ type: "Restored", reason: "Restoring", ...edit, lastTransitionTime: time }]);
  });

  it("returns the same object when nothing changes", () => {
    expect(withCondition(first, { type: "Restored", status: "Unknown", reason: "Restoring", message: "a" }, T + 9000)).toBe(first);
  });

  it("keeps other conditions in order", () => {
    const two = withCondition(first, { type: "Outcome", status: "True", reason: "TrafficShifted", message: "m" }, T);
    const updated = withCondition(two, { type: "Restored", status: "True", reason: "FaultUndone", message: "m" }, T);
    expect(updated.conditions.map((c) => c.type)).toEqual(["Restored", "Outcome"]);
  });
});

describe("phases and times", () => {
  it("enterPhase appends to the timeline; enteredAt finds the last entry", () => {
    const status = enterPhase(enterPhase(enterPhase(empty, "Baseline", T), "Injecting", T + 6000, "scaling"), "Baseline", T + 9000);
    expect(status.timeline).toEqual([
      { phase: "Baseline", at: "2026-12-05T01:00:00.000Z" },
      { phase: "Injecting", at: "2026-12-05T01:00:06.000Z", message: "scaling" },
      { phase: "Baseline", at: "2026-12-05T01:00:09.000Z" },
    ]);
    expect(enteredAt(status, "Baseline")).toBe(T + 9000);
    expect(enteredAt(status, "Observing")).toBeUndefined();
  });

  it.each([
    [0, 1234, 1.2],
    [0, 1250, 1.3],
    [1000, 1000, 0],
  ])("secondsBetween(%d, %d) = %d", (from, to, seconds) => {
    expect(secondsBetween(from, to)).toBe(seconds);
  });

  it.each([
    ["Passed", "Succeeded"],
    ["Failed", "Failed"],
    ["Aborted", "Aborted"],
    [undefined, "Failed"],
  ] as const)("verdict %s ends in %s", (verdict, phase) => {
    expect(finalPhaseOf(verdict)).toBe(phase);
  });

  it("finish records the final phase, its reason and finishedAt", () => {
    const decided = withOutcome(empty, { verdict: "Aborted", reason: "AbortRequested", message: "aborted" }, T);
    expect(finish(decided, T + 1000)).toMatchObject({
      phase: "Aborted",
      verdict: "Aborted",
      reason: "aborted",
      finishedAt: "2026-12-05T01:00:01.000Z",
      conditions: [{ type: "Outcome", status: "False", reason: "AbortRequested" }],
      timeline: [{ phase: "Aborted", at: "2026-12-05T01:00:01.000Z", message: "aborted" }],
    });
  });
});
