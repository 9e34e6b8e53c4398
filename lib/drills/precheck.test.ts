import { describe, expect, it } from "vitest";
import type { DrillWorld } from "./machine-types";
import { blockingChecks, precheck } from "./precheck";
import { drillOf, worldOf } from "./test-world";

const failover = (edit: Partial<DrillWorld["failover"]>) => ({ failover: { ...worldOf().failover, ...edit } });

describe("precheck", () => {
  it("passes for details in west with failover in place", () => {
    const checks = precheck(worldOf());
    expect(blockingChecks(checks)).toEqual([]);
    expect(checks.every((c) => c.ok)).toBe(true);
    expect(checks.find((c) => c.name === "Local workload")?.message).toBe("will scale details-v1 (2 → 0)");
  });

  it.each<[string, Partial<DrillWorld>, string]>([
    ["namespace not opted in", { namespaceOptedIn: false }, "NamespaceNotOptedIn"],
    ["no such service", { serviceExists: false }, "ServiceNotFound"],
    ["no Deployment", { deployments: [] }, "NoLocalWorkload"],
    ["Deployments already at zero", { deployments: [{ name: "details-v1", uid: "u", replicas: 0, readyReplicas: 0 }] }, "NoLocalWorkload"],
    ["no failover target", failover({ targetExists: false, reason: "no gateway in east" }), "NoFailoverTarget"],
    ["remote not ready", failover({ remoteReady: false }), "RemoteNotReady"],
    ["gateway not ready", failover({ gatewaysReady: false }), "GatewaysNotReady"],
    ["another drill", { otherRunning: ["details-20261205-005500"] }, "AnotherDrillRunning"],
    ["duration over the cap", { drill: drillOf({ maxDuration: "20m" }) }, "DurationTooLong"],
    ["duration unreadable", { drill: drillOf({ maxDuration: "two minutes" }) }, "InvalidDuration"],
    ["zero duration", { drill: drillOf({ maxDuration: "0s" }) }, "InvalidDuration"],
    ["FailRequests without pods", { drill: drillOf({ fault: "FailRequests" }), pods: [] }, "NoLocalWorkload"],
    ["FailRequests unsupported", { drill: drillOf({ fault: "FailRequests" }), failRequestsSupported: false }, "FaultUnsupported"],
    ["FailRequests without outlier detection", { drill: drillOf({ fault: "FailRequests" }), ...failover({ outlierDetection: false }) }, "NoOutlierDetection"],
  ])("%s → blocked by %s", (_name, edit, reason) => {
    expect(blockingChecks(precheck(worldOf(edit))).map((c) => c.reason)).toEqual([reason]);
  });

  // The test world's details has 2 local pods. Envoy ejects all of them only if 100 × 2 / hosts ≤ maxEjectionPercent.
  it.each<[string, Partial<DrillWorld["failover"]>, DrillWorld["drill"]["spec"]["fault"], string | undefined]>([
    ["Istio's default 10 %, 2 pods + 3 remote hosts", { remoteHosts: 3 }, "FailRequests", "EjectionCapTooLow"],
    ["maxEjectionPercent 39 < 100 × 2 / 5", { remoteHosts: 3, maxEjectionPercent: 39 }, "FailRequests", "EjectionCapTooLow"],
    ["maxEjectionPercent 40 = 100 × 2 / 5", { remoteHosts: 3, maxEjectionPercent: 40 }, "FailRequests", undefined],
    ["XCP's 100 %", { remoteHosts: 3, maxEjectionPercent: 100 }, "FailRequests", undefined],
    ["Istio's default with 18 remote hosts (2 of 20 = 10 %)", { remoteHosts: 18 }, "FailRequests", undefined],
    ["ScaleToZero does not need ejection", { remoteHosts: 3 }, "ScaleToZero", undefined],
  ])("the ejection cap: %s → %s", (_name, edit, fault, reason) => {
    const checks = blockingChecks(precheck(worldOf({ drill: drillOf({ fault }), ...failover(edit) })));
    expect(checks.map((c) => c.reason)).toEqual(reason ? [reason] : []);
  });

  it("says which maxEjectionPercent would let the failing pods go", () => {
    const [capped] = blockingChecks(precheck(worldOf({ drill: drillOf({ fault: "FailRequests" }), ...failover({ remoteHosts: 3 }) })));
    expect(capped?.message).toBe("outlier detection may eject at most 10 % of details's 5 hosts in west, so its 2 failing pod(s) would keep their traffic; set maxEjectionPercent to at least 40 in its DestinationRule, or use ScaleToZero");
  });

  it("only advises outlier detection for ScaleToZero", () => {
    const checks = precheck(worldOf(failover({ outlierDetection: false })));
    expect(blockingChecks(checks)).toEqual([]);
    expect(checks.find((c) => c.name === "Outlier detection")).toMatchObject({ ok: false, required: false, reason: "OutlierDetectionAdvised" });
  });

  it("says how to opt in and why failover is missing", () => {
    const checks = precheck(worldOf({ namespaceOptedIn: false, ...failover({ targetExists: false, reason: "no gateway in east" }) }));
    const messages = blockingChecks(checks).map((c) => c.message);
    expect(messages).toEqual([
      "namespace bookinfo has not opted in to drills: kubectl annotate namespace bookinfo eastwest.dev/drills=enabled",
      "west has no failover target for details: no gateway in east",
    ]);
  });

  it("names the pods FailRequests will annotate", () => {
    const checks = precheck(worldOf({ drill: drillOf({ fault: "FailRequests" }) }));
    expect(checks.find((c) => c.name === "Local workload")?.message).toBe("will annotate details-v1-a, details-v1-b with eastwest.dev/fault=fail-requests");
  });
});
