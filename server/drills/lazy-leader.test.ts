import { describe, expect, it } from "vitest";
import type { LeaderElector } from "@/server/registry/leader-election";
import { lazyLeader } from "./lazy-leader";

function fakeElector() {
  const listeners = new Set<(l: boolean) => void>();
  let leading = false;
  const elector: LeaderElector = {
    identity: "a",
    isLeader: () => leading,
    onChange: (l) => (listeners.add(l), () => listeners.delete(l)),
    stop: async () => undefined,
  };
  return { elector, lead: () => ((leading = true), listeners.forEach((l) => l(true))) };
}

describe("a leader election started only when a drill needs it", () => {
  it("starts nothing until asked, then once, and passes its changes on", () => {
    const fake = fakeElector();
    let started = 0;
    const leader = lazyLeader(() => (started++, fake.elector));
    const seen: boolean[] = [];
    leader.onChange((l) => seen.push(l));
    expect(started).toBe(0);
    expect(leader.isLeader()).toBe(false);
    leader.ensure();
    leader.ensure();
    expect(started).toBe(1);
    fake.lead();
    expect(leader.isLeader()).toBe(true);
    expect(seen).toEqual([true]);
  });
});
