// Test support for the cluster page: the demo snapshot with an east-west gateway in east, and the fleet view's
// status of each of its clusters (reachable unless told otherwise), as the monitor would compose them.
import type { ClusterStatus, FleetView } from "@/lib/fleet-schema";
import type { CachedObject, FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { demoSnapshot } from "@/server/workspaces/test/fake-deps";

const T0 = "2026-01-10T12:00:00.000Z";
const meta = (name: string, extra: Record<string, unknown> = {}) => ({ name, namespace: "bookinfo", ...extra });

/** An IngressGateway with its Service (one published address, port 15443) and two pods, one of them ready. */
export function eastGateway(): CachedObject[] {
  const pod = (name: string, ready: boolean): CachedObject => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: meta(name, { labels: { app: "eastwest-gateway" } }),
    status: { conditions: [{ type: "Ready", status: ready ? "True" : "False" }] },
  });
  return [
    { apiVersion: "install.tetrate.io/v1alpha1", kind: "IngressGateway", metadata: meta("eastwest-gateway"), spec: { eastWestOnly: true } },
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: meta("eastwest-gateway"),
      spec: { type: "LoadBalancer", ports: [{ port: 15443 }] },
      status: { loadBalancer: { ingress: [{ ip: "203.0.113.10" }] } },
    },
    pod("eastwest-gateway-a", true),
    pod("eastwest-gateway-b", false),
  ];
}

export function pageSnapshot(): FleetSnapshot {
  return demoSnapshot({ east: eastGateway() });
}

const counts = { gateways: 0, exposedServices: 0, serviceEntries: 0, shadowWorkloadEntries: 0, services: 0, namespaces: 0, pods: 0, deployments: 0, objects: 0 };

/** The fleet view's status of `name`: `down` is unreachable (never reached when `everSynced` is false too). */
export function statusOf(name: string, options: { down?: boolean; sync?: "synced" | "syncing" | "stale"; everSynced?: boolean; management?: boolean } = {}): ClusterStatus {
  const base = {
    cluster: name,
    server: `https://${name}.lab:6443`,
    management: options.management ?? false,
    checkedAt: T0,
    since: T0,
    sync: { state: options.sync ?? "synced", staleSince: null, error: null, lastSyncAt: T0, everSynced: options.everSynced ?? true, watchingSince: T0, lastChangeAt: null, lastVersion: "v1.31.0", counts, workspaces: [] },
  };
  if (options.down) return { ...base, ok: false, error: { reason: "refused", message: "Connection refused" }, lastReachableAt: null };
  return { ...base, ok: true, value: { version: "v1.31.0", latencyMs: 2 } };
}

/** The demo fleet's view: west (management), east, and north stale and unreachable. */
export function pageView(): FleetView {
  return {
    kind: "ready",
    sources: ["kubeconfig"],
    managementCluster: "west",
    clusters: [statusOf("west", { management: true }), statusOf("east"), statusOf("north", { down: true, sync: "stale" })],
  };
}
