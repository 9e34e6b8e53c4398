import { describe, expect, it } from "vitest";
import { clusterOfKinds, fleetOf, type LooseObject } from "@/lib/fleet/snapshot-fixtures";
import type { FleetKind } from "@/lib/fleet/snapshot-types";
import { CONTENT_HASH_ANNOTATION } from "@/lib/plan/desired";
import { SOURCE_ANNOTATIONS } from "@/lib/registry/ownership";
import { computeFleetState } from "./fleet-state";

const cluster = (name: string, extra: Partial<Record<FleetKind, readonly LooseObject[]>> = {}) =>
  clusterOfKinds(name, {
    Namespace: [{ metadata: { name: "bookinfo" } }, { metadata: { name: "xcp-multicluster" } }],
    Service: [{ metadata: { name: "details", namespace: "bookinfo" }, spec: { selector: { app: "details" }, ports: [{ name: "http", port: 9080 }] } }],
    ...extra,
  });
const workspace = {
  Workspace: [{ metadata: { name: "ws", namespace: "bookinfo" }, spec: { namespaceSelector: { names: ["*/bookinfo"] } } }],
  WorkspaceSetting: [{ metadata: { name: "s", namespace: "bookinfo" }, spec: { workspace: "ws", defaultEastWestGatewaySettings: { workloadSelector: { app: "gw" } } } }],
};

describe("computeFleetState", () => {
  it("reuses the plan when only the registry's own objects changed", () => {
    const first = computeFleetState(fleetOf([cluster("west", workspace), cluster("east")]), { managementCluster: "west" });
    const marks = {
      labels: { "app.kubernetes.io/managed-by": "eastwest-console" },
      annotations: Object.fromEntries(SOURCE_ANNOTATIONS.map((a) => [a, a === CONTENT_HASH_ANNOTATION ? "0".repeat(32) : "west"])),
      managedFields: [{ manager: "eastwest-registry", operation: "Apply" }],
    };
    const ours = { metadata: { name: "global-gwinternal-details-bookinfo-svc-cluster-local", namespace: "bookinfo", ...marks }, spec: { host: "details", trafficPolicy: { outlierDetection: {} } } };
    const second = computeFleetState(fleetOf([cluster("west", { ...workspace, DestinationRule: [ours] }), cluster("east")]), { managementCluster: "west" }, first);
    expect(second.plan).toBe(first.plan);
    // Our label and annotations copied onto someone's rule do not make it ours: it is the user's rule.
    const copied = { ...ours, metadata: { ...ours.metadata, managedFields: [{ manager: "kubectl-client-side-apply", operation: "Update" }] } };
    const copiedState = computeFleetState(fleetOf([cluster("west", { ...workspace, DestinationRule: [copied] }), cluster("east")]), { managementCluster: "west" }, second);
    expect(copiedState.plan).not.toBe(first.plan);
    const user = { ...ours, metadata: { name: "y", namespace: "bookinfo" } };
    const third = computeFleetState(fleetOf([cluster("west", { ...workspace, DestinationRule: [user] }), cluster("east")]), { managementCluster: "west" }, second);
    expect(third.plan).not.toBe(first.plan);
  });

  it("turns contradictory input into conditions and writes nothing", () => {
    const dup = { ...workspace, WorkspaceSetting: [...workspace.WorkspaceSetting, { metadata: { name: "t", namespace: "bookinfo" }, spec: { workspace: "ws", defaultEastWestGatewaySettings: { workloadSelector: {} } } }] };
    const state = computeFleetState(fleetOf([cluster("west", dup), cluster("west")]), { managementCluster: "west" });
    expect(state.conditions.map((c) => c.reason)).toEqual(expect.arrayContaining(["SeveralWorkspaceSettings", "DuplicateCluster"]));
    expect([...state.actions.values()].flat()).toEqual([]);
  });
});

describe("computeFleetState reuse between snapshots", () => {
  it("re-converts and re-diffs only the clusters whose objects changed", () => {
    const west = cluster("west", workspace);
    const east = cluster("east");
    const first = computeFleetState(fleetOf([west, east]), { managementCluster: "west" });
    const eastChanged = { ...east, objects: { ...east.objects, WorkloadEntry: new Map() } };
    const second = computeFleetState(fleetOf([west, eastChanged]), { managementCluster: "west" }, first);
    expect(second.observed[0]).toBe(first.observed[0]);
    expect(second.observed[1]).not.toBe(first.observed[1]);
    expect(second.memo?.get("west")?.diff?.result).toBe(first.memo?.get("west")?.diff?.result);
  });
});
