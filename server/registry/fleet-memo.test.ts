import { describe, expect, it } from "vitest";
import { CONTENT_HASH_ANNOTATION, type DesiredObject } from "@/lib/plan/desired";
import { desiredId } from "@/lib/plan/place";
import { plan } from "@/lib/plan/plan";
import { seedInput } from "@/lib/plan/test-fixtures";
import { clusterOfKinds } from "@/lib/fleet/snapshot-fixtures";
import type { ClusterSnapshot } from "@/lib/fleet/snapshot-types";
import { diffCluster, type ClusterHolds } from "@/lib/registry/diff";
import { observedCluster } from "@/lib/registry/observed-from-snapshot";
import { scopeFromPlanned } from "@/lib/registry/ownership-scope";
import type { SnapshotObject } from "@/lib/registry/raw-object";
import { createRegistryMemos } from "@/lib/registry/registry-memos";
import { live } from "@/lib/registry/test-helpers";
import { REGISTRY_KINDS, type ObservedObject } from "@/lib/registry/types";
import { diffWithMemo, holdsKey, observedOne, type FleetMemo } from "./fleet-memo";

// Consecutive snapshots of one cluster through the memo, as fleet-state.ts drives it: each diff must be what a
// full diffCluster of that snapshot says, while the comparison is patched from the previous snapshot's.
const CLUSTER = "north";
const desired = [...new Map(Object.values(plan(seedInput({ exposed: "absent", north: ["productpage", "ratings"] })).clusters).flat().map((d) => [desiredId(d), d])).values()].sort((a, b) => (desiredId(a) < desiredId(b) ? -1 : 1));
const scope = scopeFromPlanned(desired);
const toSnapshot = (o: ObservedObject): SnapshotObject => ({ metadata: { name: o.name, namespace: o.namespace, uid: o.uid, resourceVersion: o.resourceVersion, labels: o.labels, annotations: o.annotations, managedFields: o.managers.map((m) => ({ manager: m.split("/")[0], operation: m.split("/")[1] })) }, spec: o.spec });
const snapshotOf = (os: ObservedObject[]) => clusterOfKinds(CLUSTER, Object.fromEntries(REGISTRY_KINDS.map((k) => [k, os.filter((o) => o.kind === k).map(toSnapshot)])));
const edited = (d: DesiredObject) => live(d, { annotations: { ...d.metadata.annotations, [CONTENT_HASH_ANNOTATION]: "0".repeat(32) } });

describe("diffWithMemo", () => {
  it("patches a changed cluster's diff from its previous snapshot and says what a full diff says", () => {
    const memos = createRegistryMemos();
    const converged = desired.map((d) => live(d));
    const target = desired[4] as DesiredObject;
    const steps: Array<{ snapshot: ClusterSnapshot; holds: ClusterHolds; actions: string[] }> = [
      { snapshot: snapshotOf(converged), holds: { stale: new Set(), configStale: false }, actions: [] },
      { snapshot: snapshotOf(converged.map((o, i) => (i === 4 ? edited(target) : o))), holds: { stale: new Set(), configStale: false }, actions: [`apply ${desiredId(target)}`] },
      { snapshot: snapshotOf(converged.filter((_, i) => i !== 4)), holds: { stale: new Set(), configStale: false }, actions: [`apply ${desiredId(target)}`] },
      { snapshot: snapshotOf(converged.filter((_, i) => i !== 4)), holds: { stale: new Set([CLUSTER]), configStale: false }, actions: [] },
      { snapshot: snapshotOf(converged), holds: { stale: new Set(), configStale: false }, actions: [] },
    ];
    let previous: FleetMemo | undefined;
    let patched = 0;
    for (const [i, { snapshot, holds, actions }] of steps.entries()) {
      const memo: FleetMemo = new Map();
      observedOne(snapshot, previous, memo, memos);
      const result = diffWithMemo(CLUSTER, desired, holds, holdsKey(holds), memo, scope, memos);
      expect(result, `step ${i}`).toEqual(diffCluster(CLUSTER, desired, observedCluster(snapshot), holds, undefined, scope));
      expect(result.actions.map((a) => `${a.action} ${a.kind} ${a.namespace}/${a.name}`), `step ${i}`).toEqual(actions);
      if (memo.get(CLUSTER)?.diff?.patched.compared.delta) patched++;
      previous = memo;
    }
    // Every step after the first was patched (the plan is the same list throughout).
    expect(patched).toBe(steps.length - 1);
  });
});
