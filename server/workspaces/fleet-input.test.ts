import { describe, expect, it } from "vitest";
import { toPlanInput } from "@/lib/registry/plan-input-adapter";
import { planInputOf, type HostnameAnswers } from "./fleet-input";
import { demoSnapshot } from "./test/fake-deps";

const ANSWERS: HostnameAnswers = { "east-gw.lab.internal": ["10.0.0.1", "10.0.0.2"] };

describe("planInputOf: the registry's input, with the registry's DNS answers", () => {
  it.each([
    { name: "no answers", answers: undefined },
    { name: "no names answered", answers: {} },
  ])("$name: the snapshot's input, no resolvedHostnames", ({ answers }) => {
    const snapshot = demoSnapshot();
    const adapted = planInputOf(snapshot, answers);
    expect(adapted).toBe(planInputOf(snapshot));
    expect(adapted.input.resolvedHostnames).toBeUndefined();
  });

  it("answers: exactly what the registry's adapter builds from the same snapshot and answers", () => {
    const snapshot = demoSnapshot();
    const registry = toPlanInput(snapshot, { managementCluster: "west", allowLoopbackGatewayAddresses: false, resolvedHostnames: { ...ANSWERS } });
    expect(planInputOf(snapshot, ANSWERS)).toEqual(registry);
  });

  it("is computed once per snapshot and answer set, without adapting the fleet again", () => {
    const snapshot = demoSnapshot();
    const first = planInputOf(snapshot, ANSWERS);
    expect(planInputOf(snapshot, ANSWERS)).toBe(first);
    expect(first.input.clusters).toBe(planInputOf(snapshot).input.clusters);
    const changed = { "east-gw.lab.internal": ["10.0.0.3"] };
    const second = planInputOf(snapshot, changed);
    expect(second).not.toBe(first);
    expect(second.input.resolvedHostnames).toEqual(changed);
    expect(planInputOf(demoSnapshot(), ANSWERS)).not.toBe(first);
  });
});
