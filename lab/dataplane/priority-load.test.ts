import { describe, expect, it } from "vitest";
import { choosePriority, priorityHealth, priorityLoad } from "./priority-load";

const of = (...healthyPercents: number[]) => healthyPercents.map((healthy) => ({ healthy, total: 100 }));

describe("Envoy's priority load (overprovisioning 1.4)", () => {
  // Envoy's documentation, "Priority levels": two levels, P=1 100% healthy.
  it.each([
    [100, [100, 0]],
    [72, [100, 0]],
    [71, [99, 1]],
    [50, [70, 30]],
    [25, [35, 65]],
    [0, [0, 100]],
  ])("P0 %d%% healthy → %j", (p0, expected) => {
    expect(priorityLoad(of(p0, 100)).load).toEqual(expected);
  });

  // Three levels, computed as load_balancer_impl.cc does: the rounding remainder lands on the first healthy level.
  it.each([
    [[100, 100, 100], [100, 0, 0]],
    [[72, 72, 100], [100, 0, 0]],
    [[71, 71, 100], [99, 1, 0]],
    [[50, 50, 100], [70, 30, 0]],
    [[25, 100, 100], [35, 65, 0]],
    [[25, 25, 100], [35, 35, 30]],
    [[25, 25, 20], [37, 35, 28]], // health 35/35/28 normalised over 98: 35, 35, 28 and 2 left over for P0
    [[0, 0, 50], [0, 0, 100]],
  ])("levels %j healthy → %j", (levels, expected) => {
    expect(priorityLoad(of(...levels)).load).toEqual(expected);
  });

  it("computes health on host counts: 2 of 3 healthy is 93, 1 of 2 is 70, 0 of 0 is 0", () => {
    expect(priorityHealth({ healthy: 2, total: 3 })).toBe(93);
    expect(priorityHealth({ healthy: 1, total: 2 })).toBe(70);
    expect(priorityHealth({ healthy: 0, total: 0 })).toBe(0);
    expect(priorityLoad([{ healthy: 1, total: 2 }, { healthy: 3, total: 3 }]).load).toEqual([70, 30]);
  });

  it("with panic off (Istio), nothing healthy puts all load on P0 and no level panics", () => {
    expect(priorityLoad(of(0, 0))).toEqual({ load: [100, 0], panic: [false, false] });
  });

  it("with Envoy's default panic threshold, nothing healthy spreads load by host count", () => {
    const r = priorityLoad([{ healthy: 0, total: 1 }, { healthy: 0, total: 3 }], 50);
    expect(r).toEqual({ load: [25, 75], panic: [true, true] });
    // Every level below the threshold: total panic; a healthy set as a whole never panics.
    expect(priorityLoad([{ healthy: 1, total: 4 }, { healthy: 1, total: 4 }], 50).panic).toEqual([true, true]);
    expect(priorityLoad([{ healthy: 1, total: 4 }, { healthy: 4, total: 4 }], 50)).toEqual({ load: [35, 65], panic: [false, false] });
  });

  it("chooses the priority whose cumulative load covers the roll", () => {
    expect([0, 69, 70, 99].map((roll) => choosePriority([70, 30], roll))).toEqual([0, 0, 1, 1]);
    expect(choosePriority([0, 0, 100], 0)).toBe(2);
  });
});
