import { describe, expect, it } from "vitest";
import { clusterSnapshot, obj } from "@/lib/fleet/snapshot-fixtures";
import type { CachedObject, FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { toPlanInput } from "@/lib/registry/plan-input-adapter";
import { freshnessOf, haChecklistFromSnapshot as fromInput } from "./from-snapshot";

const details = obj("Service", "details", { namespace: "bookinfo", labels: { app: "details" }, spec: { selector: { app: "details" }, ports: [{ name: "http", port: 9080 }] } });
const gateway = obj("IngressGateway", "eastwest-gateway", { namespace: "bookinfo", spec: { eastWestOnly: true } });
const gatewayService = (ip: string): CachedObject => ({
  ...obj("Service", "eastwest-gateway", { namespace: "bookinfo", spec: { type: "LoadBalancer", selector: { app: "eastwest-gateway" }, ports: [{ name: "tls", port: 15443 }] } }),
  status: { loadBalancer: { ingress: [{ ip }] } },
});
/** A gateway pod (the installer labels them app=<gateway>), Ready or not (the kubelet's Ready condition). */
const gatewayPod = (ready: boolean): CachedObject => ({
  ...obj("Pod", "eastwest-gateway-0", { namespace: "bookinfo", labels: { app: "eastwest-gateway" } }),
  status: { conditions: [{ type: "Ready", status: ready ? "True" : "False" }] },
});
const workload = (ip: string, ready = true) => [obj("Namespace", "bookinfo"), details, gateway, gatewayService(ip), gatewayPod(ready)];
const config = [
  obj("Workspace", "bookinfo-ws", { namespace: "bookinfo", spec: { namespaceSelector: { names: ["*/bookinfo"] } } }),
  obj("WorkspaceSetting", "bookinfo-ws-setting", { namespace: "bookinfo", spec: { workspace: "bookinfo-ws", defaultEastWestGatewaySettings: { workloadSelector: { app: "eastwest-gateway" } } } }),
];

const refused = { reason: "refused" as const, message: "the API server refused the connection" };

function snapshot(eastState: "synced" | "stale" | "never"): FleetSnapshot {
  const east =
    eastState === "stale"
      ? { state: "stale" as const, lastSyncAt: "2026-11-25T01:00:00Z", staleSince: "2026-11-25T02:00:00Z", lastError: refused }
      : eastState === "never"
        ? { state: "stale" as const, watchingSince: "2026-11-25T02:00:00Z", staleSince: "2026-11-25T02:00:01Z", lastError: refused }
        : {};
  // A cluster never reached since the console started has nothing cached.
  const eastObjects = eastState === "never" ? [] : workload("10.0.2.1");
  return {
    revision: 1,
    at: "2026-11-25T03:00:00Z",
    managementCluster: "west",
    clusters: [clusterSnapshot("west", [...workload("10.0.1.1"), ...config], { management: true }), clusterSnapshot("east", eastObjects, east)],
  };
}

/** The snapshot with the input the fleet model would adapt from it. */
const haChecklistFromSnapshot = (s: FleetSnapshot, workspace: string) => fromInput(s, toPlanInput(s, { managementCluster: "west" }).input, workspace);

describe("haChecklistFromSnapshot", () => {
  it.each([
    ["synced", [["namespace-exists", "pass"], ["namespace-selector", "pass"], ["gateways", "pass"], ["service-ports", "pass"], ["outlier-detection", "fail"], ["clusters-fresh", "pass"]]],
    ["stale", [["namespace-exists", "pass"], ["namespace-selector", "pass"], ["gateways", "pass"], ["service-ports", "pass"], ["outlier-detection", "fail"], ["clusters-fresh", "fail"]]],
  ] as const)("reads a fleet whose east is %s", (state, statuses) => {
    const result = haChecklistFromSnapshot(snapshot(state), "bookinfo-ws");
    expect(result.ok && result.checklist.items.map((i) => [i.id, i.status])).toEqual(statuses);
  });

  it("fails the gateway check, so the workspace is not ready, when east publishes addresses but no gateway pod is ready", () => {
    const base = snapshot("synced");
    const unready: FleetSnapshot = { ...base, clusters: [base.clusters[0], clusterSnapshot("east", workload("10.0.2.1", false))].flatMap((c) => c ?? []) };
    const result = haChecklistFromSnapshot(unready, "bookinfo-ws");
    expect(result.ok && result.checklist.ready).toBe(false);
    expect(result.ok && result.checklist.items.find((i) => i.id === "gateways")).toMatchObject({
      status: "fail",
      reason: "east: gateway bookinfo/eastwest-gateway publishes addresses but its one pod is not ready, so nothing answers on them.",
    });
  });

  it("says why and since when a cluster is stale", () => {
    const result = haChecklistFromSnapshot(snapshot("stale"), "bookinfo-ws");
    expect(result.ok && result.checklist.items.find((i) => i.id === "clusters-fresh")?.reason).toBe(
      "east is stale since 2026-11-25T02:00:00Z (the API server refused the connection); the other checks use its last known state.",
    );
  });

  it("never claims anything about a cluster not reached since the console started, nor offers to deploy there", () => {
    const result = haChecklistFromSnapshot(snapshot("never"), "bookinfo-ws");
    const items = result.ok ? result.checklist.items : [];
    const text = items.map((i) => `${i.reason} ${i.fix} ${i.command ?? ""}`).join("\n");
    expect(text).not.toMatch(/missing in east|create namespace|east is stale since/);
    expect(items.find((i) => i.id === "gateways")?.command ?? "").not.toContain("east");
    expect(items.find((i) => i.id === "namespace-exists")).toMatchObject({ status: "warn", reason: "bookinfo exists in west; east has not been reached since the console started, so its namespaces are unknown." });
    expect(items.find((i) => i.id === "clusters-fresh")?.reason).toBe(
      "east is not yet synced: never reached since the console started at 02:00:00 UTC (the API server refused the connection), so nothing is known of it; the other checks leave it out.",
    );
    expect(result.ok && result.checklist.ready).toBe(false);
  });

  it("keeps a recovered cluster's last error out of its freshness", () => {
    const snap = snapshot("synced");
    const recovered = { ...snap, clusters: snap.clusters.map((c) => ({ ...c, lastError: { reason: "timeout" as const, message: "old" } })) };
    expect(freshnessOf(recovered).get("east")).toEqual({});
  });
});
