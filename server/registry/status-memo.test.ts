// Expected-versus-actual and propagation are kept per cluster between states: a probe-only snapshot reuses every
// report and the propagation list; a change in one cluster recomputes that cluster's report only.
import { describe, expect, it } from "vitest";
import { objectKey } from "@/lib/fleet/snapshot-types";
import { generateFleet, random } from "@/server/model/test/fleet-gen";
import { computeFleetState } from "./fleet-state";
import { buildStatus, createStatusMemo } from "./status";

const inputs = (state: ReturnType<typeof computeFleetState>) => ({ mode: "standalone" as const, leader: true, identity: "t", lastReconcileAt: null, state, writeConditions: [], writes: { applied: 0, deleted: 0, failed: 0 } });
const options = { managementCluster: "west" };

describe("registry status memo", () => {
  it("reuses every report on a probe-only snapshot and recomputes only the cluster that changed", () => {
    const snapshot = generateFleet(random(4));
    const memo = createStatusMemo();
    const first = computeFleetState(snapshot, options);
    const before = buildStatus(inputs(first), memo);
    expect(before.propagation.length).toBeGreaterThan(0);

    const probed = { ...snapshot, revision: 2, clusters: snapshot.clusters.map((c) => ({ ...c, latencyMs: 7 })) };
    const second = computeFleetState(probed, options, first);
    const afterProbe = buildStatus(inputs(second), memo);
    expect(afterProbe.clusters).toBe(before.clusters);
    expect(afterProbe.propagation).toBe(before.propagation);

    // Someone's own WorkloadEntry in north: north's observed view is new, the plan is not.
    const north = probed.clusters[2];
    if (!north) throw new Error("no north");
    const entry = { apiVersion: "networking.istio.io/v1", kind: "WorkloadEntry", metadata: { name: "mine", namespace: "bookinfo" }, spec: { address: "10.9.9.9" } };
    const changed = { ...probed, revision: 3, clusters: [...probed.clusters.slice(0, 2), { ...north, objects: { ...north.objects, WorkloadEntry: new Map([[objectKey(entry.metadata), entry]]) } }] };
    const third = computeFleetState(changed, options, second);
    expect(third.plan).toBe(second.plan);
    expect(third.observed[2]).not.toBe(second.observed[2]);
    const afterChange = buildStatus(inputs(third), memo);
    const report = (status: typeof before, name: string) => status.clusters.find((c) => c.cluster === name);
    expect(report(afterChange, "west")).toBe(report(before, "west"));
    expect(report(afterChange, "east")).toBe(report(before, "east"));
    expect(report(afterChange, "north")).not.toBe(report(before, "north"));
    expect(afterChange.clusters).toEqual(buildStatus(inputs(third), createStatusMemo()).clusters);
    expect(afterChange.propagation).toEqual(buildStatus(inputs(third), createStatusMemo()).propagation);
  });
});
