import { describe, expect, it } from "vitest";
import { OutlierDetector, type Outcome } from "./outlier-detector";
import { ISTIO_DEFAULT_OUTLIER } from "./outlier-policy";
import type { OutlierPolicy } from "./types";

const s503: Outcome = { kind: "response", status: 503 };
const s500: Outcome = { kind: "response", status: 500 };
const s200: Outcome = { kind: "response", status: 200 };
const refused: Outcome = { kind: "local-failure" };
const XCP: OutlierPolicy = { ...ISTIO_DEFAULT_OUTLIER, consecutive5xxErrors: 0, consecutiveGatewayErrors: 10, maxEjectionPercent: 100 };
/** Istio's defaults but any share of the hosts may be ejected: counting and timing without the limit in the way. */
const UNLIMITED: OutlierPolicy = { ...ISTIO_DEFAULT_OUTLIER, maxEjectionPercent: 100 };

function detector(policy: OutlierPolicy = UNLIMITED, hosts = ["a", "b", "c"]): OutlierDetector {
  const d = new OutlierDetector(policy, 0);
  d.update(policy, hosts, 0);
  return d;
}

function report(d: OutlierDetector, key: string, outcome: Outcome, times: number, now = 1000): boolean[] {
  return Array.from({ length: times }, () => d.record(key, outcome, now));
}

describe("outlier detection: counting", () => {
  it("ejects on the 5th consecutive 5xx (Istio's default count), not before", () => {
    const d = detector();
    expect(report(d, "a", s500, 5)).toEqual([false, false, false, false, true]);
    expect(d.isEjected("a", 1000)).toBe(true);
    expect(d.isEjected("b", 1000)).toBe(false);
  });

  it("starts counting again after any non-5xx response", () => {
    const d = detector();
    report(d, "a", s503, 4);
    d.record("a", s200, 1000);
    expect(report(d, "a", s503, 4)).toEqual([false, false, false, false]);
    expect(d.isEjected("a", 1000)).toBe(false);
  });

  it("with XCP's rule counts only gateway errors and connect failures, ten in a row", () => {
    const d = detector(XCP);
    expect(report(d, "a", s500, 20).some(Boolean)).toBe(false);
    expect(report(d, "a", refused, 9).some(Boolean)).toBe(false);
    d.record("a", s500, 1000); // a 500 breaks a run of gateway errors
    expect(report(d, "a", refused, 10)).toEqual([...Array<boolean>(9).fill(false), true]);
  });

  it("counts a connect failure as a 5xx too", () => {
    const d = detector();
    expect(report(d, "a", refused, 5).at(-1)).toBe(true);
  });
});

describe("outlier detection: limits and time", () => {
  // Envoy: eject only if 100 × (ejected + 1) / hosts ≤ maxEjectionPercent (no always_eject_one_host from Istio).
  const limits: Array<[string, number, number, number]> = [
    ["Istio's 10 % of 3 hosts: none (one would be 33 %)", 10, 3, 0],
    ["Istio's 10 % of 2 hosts (a pod and a remote gateway's entry): none", 10, 2, 0],
    ["Istio's 10 % of 10 hosts: one", 10, 10, 1],
    ["Istio's 10 % of 25 hosts: two", 10, 25, 2],
    ["50 % of 3 hosts: one (two would be 67 %)", 50, 3, 1],
    ["XCP's 100 % of 3 hosts: all", 100, 3, 3],
  ];

  it.each(limits)("maxEjectionPercent counts the host being ejected: %s", (_name, maxEjectionPercent, hosts, ejected) => {
    const keys = Array.from({ length: hosts }, (_, i) => `h${i}`);
    const d = detector({ ...ISTIO_DEFAULT_OUTLIER, maxEjectionPercent }, keys);
    for (const key of keys) report(d, key, s503, 5);
    expect(d.ejectedCount(1000)).toBe(ejected);
  });

  it("lets a host back at the first interval tick after baseEjectionTime × its ejection count", () => {
    const d = detector();
    report(d, "a", s503, 5, 1000); // out until 31 s, back at the 40 s tick
    expect(d.isEjected("a", 39_999)).toBe(true);
    expect(d.isEjected("a", 40_000)).toBe(false);
    report(d, "a", s503, 5, 40_000); // second ejection: 60 s, until 100 s, a tick
    expect(d.isEjected("a", 99_999)).toBe(true);
    expect(d.isEjected("a", 100_000)).toBe(false);
  });

  it("lowers the multiplier by one for every tick a returned host stays in", () => {
    const d = detector();
    report(d, "a", s503, 5, 1000); // multiplier 1, back at 40 s
    report(d, "a", s503, 5, 40_000); // multiplier 2, back at 100 s
    // Back at 100 s; ticks at 110 s and 120 s bring the multiplier to 0, so the next ejection is 30 s again.
    report(d, "a", s503, 5, 121_000);
    expect(d.isEjected("a", 159_999)).toBe(true);
    expect(d.isEjected("a", 160_000)).toBe(false);
  });

  it("forgets hosts that left, and starts afresh when the policy changes", () => {
    const d = detector();
    report(d, "a", s503, 5);
    d.update(UNLIMITED, ["b", "c"], 2000);
    expect(d.isEjected("a", 2000)).toBe(false);
    report(d, "b", s503, 5, 2000);
    expect(d.isEjected("b", 2000)).toBe(true);
    d.update(XCP, ["b", "c"], 3000);
    expect(d.isEjected("b", 3000)).toBe(false);
  });
});
