import { describe, expect, it } from "vitest";
import { applyFleetEvent } from "./fleet-reducer";
import type { ClusterStatus, ClusterSync, FleetEvent, FleetView } from "./fleet-schema";
import { fleetEventSchema } from "./fleet-schema";

const at = "2026-01-10T12:00:00.000Z";
const counts = { gateways: 1, exposedServices: 4, serviceEntries: 0, shadowWorkloadEntries: 0, services: 5, namespaces: 3, pods: 6, deployments: 6, objects: 30 };
const synced: ClusterSync = { state: "synced", staleSince: null, error: null, lastSyncAt: at, everSynced: true, watchingSince: at, lastChangeAt: null, lastVersion: "v1.31.0", counts, workspaces: ["bookinfo"] };
const stale: ClusterSync = { ...synced, state: "stale", staleSince: at, error: { reason: "refused", message: "refused" } };
const up = (cluster: string, version = "v1.31.0"): ClusterStatus => ({
  cluster,
  server: `http://127.0.0.1/${cluster}`,
  management: cluster === "west",
  checkedAt: at,
  since: at,
  sync: synced,
  ok: true,
  value: { version, latencyMs: 3 },
});
const down = (cluster: string): ClusterStatus => ({
  cluster,
  server: `http://127.0.0.1/${cluster}`,
  management: false,
  checkedAt: at,
  since: at,
  sync: stale,
  ok: false,
  error: { reason: "refused", message: `The API server of ${cluster} refused the connection.` },
  lastReachableAt: null,
});
const ready = (...clusters: ClusterStatus[]): FleetView => ({
  kind: "ready",
  sources: ["/k"],
  managementCluster: "west",
  clusters,
});
const missing: FleetView = {
  kind: "config-error",
  error: { reason: "missing", paths: ["/k"], message: "No kubeconfig at /k.", hint: "Run the lab." },
};

describe("applyFleetEvent", () => {
  const cases: Array<[string, FleetView | undefined, FleetEvent, FleetView | undefined]> = [
    ["replaces a cluster in place", ready(up("west"), up("east")), { type: "cluster-updated", status: down("east") }, ready(up("west"), down("east"))],
    ["keeps the order of the others", ready(up("a"), up("b"), up("c")), { type: "cluster-updated", status: up("a", "v1.32.0") }, ready(up("a", "v1.32.0"), up("b"), up("c"))],
    ["ignores an unknown cluster", ready(up("west")), { type: "cluster-updated", status: up("south") }, ready(up("west"))],
    ["ignores a cluster update before any view", undefined, { type: "cluster-updated", status: up("west") }, undefined],
    ["ignores a cluster update on a config error", missing, { type: "cluster-updated", status: up("west") }, missing],
    ["a batch replaces each named cluster", ready(up("a"), up("b"), up("c")), { type: "clusters-updated", statuses: [down("c"), up("a", "v1.32.0")] }, ready(up("a", "v1.32.0"), up("b"), down("c"))],
    ["a batch skips unknown clusters", ready(up("a")), { type: "clusters-updated", statuses: [up("z"), down("a")] }, ready(down("a"))],
    ["an empty batch changes nothing", ready(up("a")), { type: "clusters-updated", statuses: [] }, ready(up("a"))],
    ["a batch before any view", undefined, { type: "clusters-updated", statuses: [up("a")] }, undefined],
    ["a reset replaces everything", ready(up("west")), { type: "fleet-reset", fleet: missing }, missing],
    ["a reset recovers from a config error", missing, { type: "fleet-reset", fleet: ready(up("west")) }, ready(up("west"))],
  ];

  it.each(cases)("%s", (_name, view, event, expected) => {
    expect(applyFleetEvent(view, event)).toEqual(expected);
  });

  it("does not mutate its input", () => {
    const view = ready(up("west"), up("east"));
    const before = structuredClone(view);
    applyFleetEvent(view, { type: "cluster-updated", status: down("east") });
    expect(view).toEqual(before);
  });

  it("events used here satisfy the wire schema", () => {
    for (const [, , event] of cases) expect(fleetEventSchema.safeParse(event).success).toBe(true);
  });
});
