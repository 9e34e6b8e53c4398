import { describe, expect, it } from "vitest";
import { createAddressPlan, podCapacity } from "./address-plan";

describe("createAddressPlan", () => {
  const plan = createAddressPlan(42, 3); // span 85

  it.each([
    [0, "10.244.0.2", "127.42.1.2"],
    [0, "10.244.0.254", "127.42.1.254"],
    [0, "10.244.1.1", "127.42.2.1"],
    [2, "10.244.0.2", "127.42.171.2"],
  ])("maps cluster %i pod %s to %s", (index, ip, expected) => {
    expect(plan.podAddress(index, ip)).toBe(expected);
  });

  it("gives clusters disjoint ranges, never .0 or .255, and none inside a load balancer /24", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      for (let n = 0; n < 2000; n++) {
        const ip = `10.244.${Math.floor(n / 254)}.${(n % 254) + 1}`;
        const a = plan.podAddress(i, ip);
        expect(a).toBeDefined();
        const [, , third, fourth] = (a ?? "").split(".").map(Number);
        expect(fourth).toBeGreaterThanOrEqual(1);
        expect(fourth).toBeLessThanOrEqual(254);
        expect(third).toBeGreaterThan(i * plan.span);
        expect(third).toBeLessThan((i + 1) * plan.span);
        expect(seen.has(a ?? "")).toBe(false);
        seen.add(a ?? "");
      }
    }
  });

  it.each([
    [-1, "10.244.0.2"],
    [3, "10.244.0.2"],
    [0, "10.245.0.2"],
    [0, "10.244.0.0"],
    [0, "10.244.0.255"],
    [0, "pod"],
  ])("refuses cluster %i pod %s", (index, ip) => {
    expect(plan.podAddress(index, ip)).toBeUndefined();
  });

  it("refuses pods beyond the cluster's capacity rather than spill into the next cluster", () => {
    const small = createAddressPlan(7, 64); // span 3: two /24s of pods
    expect(podCapacity(small)).toBe(508);
    expect(small.podAddress(0, "10.244.1.254")).toBe("127.7.2.254");
    expect(small.podAddress(0, "10.244.2.1")).toBeUndefined();
  });

  it("puts three load balancer addresses in the cluster's first /24, stable per namespace/name", () => {
    const a = plan.loadBalancerAddresses(1, "bookinfo", "eastwest-gateway");
    expect(a).toHaveLength(3);
    for (const ip of a) expect(ip).toMatch(/^127\.42\.85\.(\d+)$/);
    expect(plan.loadBalancerAddresses(1, "bookinfo", "eastwest-gateway")).toEqual(a);
    expect(plan.loadBalancerAddresses(2, "bookinfo", "eastwest-gateway")[0]).toMatch(/^127\.42\.170\./);
  });

  it("moves to the next free slot when another Service of the cluster holds the hashed one", () => {
    const first = plan.loadBalancerAddresses(0, "bookinfo", "eastwest-gateway");
    const taken = new Set(first);
    const next = plan.loadBalancerAddresses(0, "bookinfo", "other", (ip) => ip === plan.loadBalancerAddresses(0, "bookinfo", "other")[1] || taken.has(ip));
    expect(next.some((ip) => taken.has(ip))).toBe(false);
    expect(next).not.toEqual(plan.loadBalancerAddresses(0, "bookinfo", "other"));
    expect(plan.loadBalancerAddresses(0, "bookinfo", "x", () => true)).toEqual(plan.loadBalancerAddresses(0, "bookinfo", "x"));
  });

  it.each([[0, 3], [255, 3], [1, 0], [1, 65]])("refuses block %i with %i clusters", (block, clusters) => {
    expect(() => createAddressPlan(block, clusters)).toThrow();
  });
});
