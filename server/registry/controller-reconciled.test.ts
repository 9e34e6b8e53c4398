// What the workspace pages' change signal reads of the registry: a callback after each cluster's reconcile, and
// its conditions without the fleet-wide status, equal to the status's.
import { describe, expect, it, vi } from "vitest";
import { clusterOfKinds, fleetOf } from "@/lib/fleet/snapshot-fixtures";
import { startRegistryOnSource } from "./model-registry";

const snapshot = fleetOf(
  ["west", "east"].map((name) =>
    clusterOfKinds(name, {
      Namespace: [{ metadata: { name: "bookinfo" } }],
      Service: [{ metadata: { name: "details", namespace: "bookinfo" }, spec: { selector: { app: "details" }, ports: [{ name: "http", port: 9080 }] } }],
      ...(name === "west"
        ? {
            Workspace: [{ metadata: { name: "ws", namespace: "bookinfo" }, spec: { namespaceSelector: { names: ["*/bookinfo"] } } }],
            WorkspaceSetting: [{ metadata: { name: "s", namespace: "bookinfo" }, spec: { workspace: "ws", defaultEastWestGatewaySettings: { workloadSelector: { app: "eastwest-gateway" } } } }],
          }
        : {}),
    }),
  ),
);

describe("registry reconcile callback and conditions", () => {
  it("calls back once per cluster reconciled and reports the status's conditions", async () => {
    const registry = startRegistryOnSource({ mode: "observe", source: { current: () => snapshot, subscribe: () => () => undefined }, writerFor: () => undefined, managementCluster: "west", coalesceMs: 0 });
    const listener = vi.fn();
    const off = registry.onReconciled(listener);
    try {
      await registry.reconcileNow();
      expect(listener.mock.calls.length).toBeGreaterThanOrEqual(2);
      // No gateway matches the setting's selector: the planner says so about the workspace.
      expect(registry.conditions()).toContainEqual(expect.objectContaining({ workspace: "ws", reason: "NoMatchingGateway" }));
      expect(registry.conditions()).toEqual(registry.status().conditions);
      off();
      listener.mockClear();
      await registry.reconcileNow();
      expect(listener).not.toHaveBeenCalled();
    } finally {
      await registry.stop();
    }
  });
});
