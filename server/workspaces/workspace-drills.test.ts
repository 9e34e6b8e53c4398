import { describe, expect, it } from "vitest";
import { clusterSnapshot, fleetOf, obj } from "@/lib/fleet/snapshot-fixtures";
import type { CachedObject } from "@/lib/fleet/snapshot-types";
import type { FleetView } from "./fleet-input";
import { createViewMemo } from "./view-memo";
import { runningDrillsOf } from "./workspace-drills";
import type { WorkspaceCore } from "./workspace-slice";

const drill = (name: string, namespace: string, phase?: string): CachedObject => ({
  ...obj("FailoverDrill", name, { namespace, spec: { service: "details" } }),
  apiVersion: "eastwest.dev/v1alpha1",
  kind: "FailoverDrill",
  ...(phase ? { status: { phase } } : {}),
});

// The workspace covers bookinfo in west and east; north is not one of its clusters.
const core = {
  ws: { name: "bookinfo-ws" },
  scope: new Map([["west", ["bookinfo"]], ["east", ["bookinfo"]]]),
  clusterNames: ["west", "east"],
} as unknown as WorkspaceCore;

const viewOf = (drills: Record<string, CachedObject[]>) =>
  ({ snapshot: fleetOf(["west", "east", "north"].map((c) => clusterSnapshot(c, drills[c] ?? []))) }) as unknown as FleetView;

describe("runningDrillsOf", () => {
  it.each<[string, Record<string, CachedObject[]>, string[]]>([
    ["none", {}, []],
    ["one observing in west", { west: [drill("d1", "bookinfo", "Observing")] }, ["west/bookinfo/d1 Observing"]],
    ["not seen by the runner yet: Pending", { east: [drill("d2", "bookinfo")] }, ["east/bookinfo/d2 Pending"]],
    ["finished drills are history, not running", { west: [drill("d3", "bookinfo", "Succeeded"), drill("d4", "bookinfo", "Aborted")] }, []],
    ["another namespace is another workspace's", { west: [drill("d5", "shop", "Baseline")] }, []],
    ["a cluster the workspace does not span", { north: [drill("d6", "bookinfo", "Baseline")] }, []],
  ])("%s", (_name, drills, expected) => {
    const running = runningDrillsOf(createViewMemo(), viewOf(drills), core);
    expect(running.map((d) => `${d.cluster}/${d.namespace}/${d.name} ${d.phase}`)).toEqual(expected);
    expect(running.every((d) => d.service === "details")).toBe(true);
  });

  it("hands back the same list while the drill maps are the same", () => {
    const memo = createViewMemo();
    const view = viewOf({ west: [drill("d1", "bookinfo", "Observing")] });
    expect(runningDrillsOf(memo, view, core)).toBe(runningDrillsOf(memo, view, core));
  });
});
