import { describe, expect, it } from "vitest";
import { failoverPriorityOf, ISTIO_DEFAULT_OUTLIER, outlierForPort, outlierFromSpec, parseDurationMs } from "./outlier-policy";

describe("durations", () => {
  it.each([
    ["10s", 10_000],
    ["30s", 30_000],
    ["1m", 60_000],
    ["1m30s", 90_000],
    ["1.5s", 1500],
    ["250ms", 250],
    ["1h", 3_600_000],
    [5, 5000],
  ])("%s is %d ms", (text, ms) => expect(parseDurationMs(text)).toBe(ms));

  it.each(["", "10", "s", "10x", "ten seconds", null, -1])("%s is not a duration", (text) => expect(parseDurationMs(text)).toBeUndefined());
});

describe("outlier policy", () => {
  it("fills Istio's defaults", () => {
    expect(outlierFromSpec(undefined)).toEqual(ISTIO_DEFAULT_OUTLIER);
    expect(ISTIO_DEFAULT_OUTLIER).toEqual({ consecutive5xxErrors: 5, consecutiveGatewayErrors: 0, intervalMs: 10_000, baseEjectionTimeMs: 30_000, maxEjectionPercent: 10 });
  });

  it("reads XCP's failover rule", () => {
    expect(outlierFromSpec({ consecutiveGatewayErrors: 10, maxEjectionPercent: 100 })).toEqual({ ...ISTIO_DEFAULT_OUTLIER, consecutiveGatewayErrors: 10, maxEjectionPercent: 100 });
  });

  it("reads every field, wrapped counts and 0 (which turns 5xx detection off)", () => {
    const spec = { consecutive5xxErrors: "0", consecutiveGatewayErrors: 3, interval: "1s", baseEjectionTime: "1m", maxEjectionPercent: 50 };
    expect(outlierFromSpec(spec)).toEqual({ consecutive5xxErrors: 0, consecutiveGatewayErrors: 3, intervalMs: 1000, baseEjectionTimeMs: 60_000, maxEjectionPercent: 50 });
  });

  it("takes a port's own settings over the rule's", () => {
    const spec = {
      trafficPolicy: {
        outlierDetection: { consecutive5xxErrors: 7 },
        portLevelSettings: [{ port: { number: 9080 }, outlierDetection: { consecutive5xxErrors: 2 } }],
      },
    };
    expect(outlierForPort(spec, 9080).consecutive5xxErrors).toBe(2);
    expect(outlierForPort(spec, 9090).consecutive5xxErrors).toBe(7);
  });

  it("reads failoverPriority unless locality load balancing is disabled", () => {
    const keys = ["topology.istio.io/network", "topology.kubernetes.io/region"];
    expect(failoverPriorityOf({ trafficPolicy: { loadBalancer: { localityLbSetting: { enabled: true, failoverPriority: keys } } } })).toEqual(keys);
    expect(failoverPriorityOf({ trafficPolicy: { loadBalancer: { localityLbSetting: { enabled: false, failoverPriority: keys } } } })).toEqual([]);
    expect(failoverPriorityOf({})).toEqual([]);
  });
});
