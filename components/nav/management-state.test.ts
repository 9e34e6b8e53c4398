import { describe, expect, it } from "vitest";
import type { ClusterStatus, ClusterSync, FleetView } from "@/lib/fleet-schema";
import { managementState, type ManagementState } from "./management-state";

const T0 = "2026-12-05T01:00:00.000Z";
const counts = { gateways: 0, exposedServices: 0, serviceEntries: 0, shadowWorkloadEntries: 0, services: 0, namespaces: 0, pods: 0, deployments: 0, objects: 0 };

function sync(over: Partial<ClusterSync>): ClusterSync {
  return { state: "synced", staleSince: null, error: null, lastSyncAt: T0, everSynced: true, watchingSince: T0, lastChangeAt: null, lastVersion: "v1.31.0", counts, workspaces: [], ...over };
}

function cluster(name: string, management: boolean, over: Partial<ClusterSync> = {}, reachable = true): ClusterStatus {
  const base = { cluster: name, server: "https://127.0.0.1:1", management, checkedAt: T0, since: T0, sync: sync(over) };
  return reachable
    ? { ...base, ok: true, value: { version: "v1.31.0", latencyMs: 3 } }
    : { ...base, ok: false, error: { reason: "refused", message: "connection refused" }, lastReachableAt: T0 };
}

const fleet = (clusters: ClusterStatus[], managementCluster: string | null = "west"): FleetView => ({ kind: "ready", sources: ["kubeconfig"], managementCluster, clusters });

describe("managementState", () => {
  it.each<[string, FleetView | undefined, ManagementState]>([
    ["not loaded yet", undefined, { kind: "loading" }],
    ["kubeconfig broken", { kind: "config-error", error: { reason: "missing", paths: [], message: "", hint: "" } }, { kind: "config-error" }],
    ["no contexts", fleet([]), { kind: "no-clusters" }],
    ["no management cluster", fleet([cluster("east", false)], null), { kind: "none" }],
    ["synced", fleet([cluster("east", false), cluster("west", true)]), { kind: "synced", cluster: "west" }],
    // Found by its flag when the view names none.
    ["flagged only", fleet([cluster("west", true)], null), { kind: "synced", cluster: "west" }],
    ["never listed", fleet([cluster("west", true, { everSynced: false, state: "syncing", lastSyncAt: null })]), { kind: "never-synced", cluster: "west", watchingSince: T0 }],
    [
      "stale cache",
      fleet([cluster("west", true, { state: "stale", staleSince: T0, error: { reason: "timeout", message: "no answer" } })]),
      { kind: "stale", cluster: "west", staleSince: T0, reason: "no answer" },
    ],
    // The probe fails before the informers notice: already not to be trusted as current.
    ["unreachable, cache not yet stale", fleet([cluster("west", true, {}, false)]), { kind: "stale", cluster: "west", staleSince: null, reason: "connection refused" }],
  ])("%s", (_label, view, expected) => {
    expect(managementState(view)).toEqual(expected);
  });
});
