import { describe, expect, it } from "vitest";
import { clusterSnapshot, obj } from "@/lib/fleet/snapshot-fixtures";
import { objectKey, type CachedObject, type ClusterSnapshot, type ObjectMap } from "@/lib/fleet/snapshot-types";
import { observedCluster } from "./observed-from-snapshot";
import { createRegistryMemos } from "./registry-memos";
import { chunksOf, joined, listOf } from "./snapshot-lists";

const we = (i: number, version = "1"): CachedObject => ({ ...obj("WorkloadEntry", `we-${i}`, { namespace: "ns", spec: { address: `10.0.0.${i}` } }), metadata: { name: `we-${i}`, namespace: "ns", uid: `u${i}`, resourceVersion: version } });

/** A map shaped like the fleet cache's (server/fleet/versioned-map.ts): its values in chunks, read structurally. */
function chunkedMap(chunks: ReadonlyArray<readonly CachedObject[]>): ObjectMap {
  const map = new Map(chunks.flat().map((o) => [objectKey(o.metadata), o]));
  return Object.assign(map, { chunks: chunks.map((live) => ({ live })) });
}

function withWorkloadEntries(chunks: ReadonlyArray<readonly CachedObject[]>): ClusterSnapshot {
  const base = clusterSnapshot("west", [obj("ServiceEntry", "se", { namespace: "ns", spec: { hosts: ["a.ns.svc.cluster.local"] } })]);
  return { ...base, objects: { ...base.objects, WorkloadEntry: chunkedMap(chunks) } };
}

describe("observed views over a chunked map", () => {
  const first = [we(1), we(2)];
  const second = [we(3), we(4)];
  const before = withWorkloadEntries([first, second]);
  const changed = [we(3, "2"), second[1] as CachedObject];
  const after = withWorkloadEntries([first, changed]);

  it.each<[string, ClusterSnapshot]>([
    ["before", before],
    ["after a change in one chunk", after],
  ])("equals the views of the same objects in a plain map (%s)", (_name, cluster) => {
    const plain = clusterSnapshot("west", [...cluster.objects.ServiceEntry.values(), ...cluster.objects.WorkloadEntry.values()]);
    expect(observedCluster(cluster, createRegistryMemos()).objects).toEqual(observedCluster(plain).objects);
  });

  it("makes views only for the chunk that changed; the others keep their identity", () => {
    const memos = createRegistryMemos();
    const was = observedCluster(before, memos).objects.filter((o) => o.kind === "WorkloadEntry");
    const now = observedCluster(after, memos).objects.filter((o) => o.kind === "WorkloadEntry");
    expect(now.map((o) => o.name)).toEqual(["we-1", "we-2", "we-3", "we-4"]);
    expect(now.map((o, i) => o === was[i])).toEqual([true, true, false, true]);
    expect(now[2]?.resourceVersion).toBe("2");
  });

  it("lists a chunked kind in chunk order, and a plain map as one chunk", () => {
    expect(listOf(after, "WorkloadEntry").map((o) => o.metadata.name)).toEqual(["we-1", "we-2", "we-3", "we-4"]);
    expect(chunksOf(after, "WorkloadEntry")).toEqual([first, changed]);
    const plain = clusterSnapshot("west", [we(1)]);
    expect(chunksOf(plain, "WorkloadEntry")).toEqual([[we(1)]]);
  });

  it.each<[string, number[][], number[]]>([
    ["none", [], []],
    ["empty lists", [[], []], []],
    ["in order", [[1, 2], [], [3]], [1, 2, 3]],
  ])("joins lists: %s", (_name, lists, expected) => {
    expect(joined(lists)).toEqual(expected);
  });
});
