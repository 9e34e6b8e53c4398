import { describe, expect, it } from "vitest";
import type { FleetEvent } from "@/lib/fleet-schema";
import { statusOf } from "@/server/clusters/test-fleet";
import { touches } from "./use-cluster-live";

describe("touches", () => {
  it.each<[string, FleetEvent, boolean]>([
    ["its own update", { type: "cluster-updated", status: statusOf("east") }, true],
    ["another cluster's update", { type: "cluster-updated", status: statusOf("west") }, false],
    ["a batch with it", { type: "clusters-updated", statuses: [statusOf("west"), statusOf("east")] }, true],
    ["a batch without it", { type: "clusters-updated", statuses: [statusOf("west"), statusOf("north")] }, false],
    ["a reset (the kubeconfig changed)", { type: "fleet-reset", fleet: { kind: "ready", sources: [], managementCluster: null, clusters: [] } }, true],
  ])("%s → %s", (_, event, expected) => {
    expect(touches(event, "east")).toBe(expected);
  });
});
