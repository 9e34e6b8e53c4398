import { describe, expect, it } from "vitest";
import { clusterSnapshot, obj } from "@/lib/fleet/snapshot-fixtures";
import { objectKey, type CachedObject, type ClusterSnapshot, type ObjectMap } from "@/lib/fleet/snapshot-types";
import { diffCluster, type ClusterHolds } from "./diff";
import { diffPatched } from "./diff-patch";
import { clusterParts, observedCluster } from "./observed-from-snapshot";
import { scopeFromPlanned } from "./ownership-scope";
import { createRegistryMemos } from "./registry-memos";
import { chunksOf, joined, listOf, type ObjectChunk } from "./snapshot-lists";
import type { ObservedCluster } from "./types";

const we = (i: number, version = "1"): CachedObject => ({ ...obj("WorkloadEntry", `we-${i}`, { namespace: "ns", spec: { address: `10.0.0.${i}` } }), metadata: { name: `we-${i}`, namespace: "ns", uid: `u${i}`, resourceVersion: version } });

/** A map shaped like the fleet cache's (server/fleet/versioned-map.ts): its values in chunks, read structurally. */
function chunkedMap(chunks: readonly ObjectChunk[]): ObjectMap {
  const map = new Map(chunks.flatMap((chunk) => chunk.live).map((o) => [objectKey(o.metadata), o]));
  return Object.assign(map, { chunks });
}

function withWorkloadEntries(chunks: readonly ObjectChunk[]): ClusterSnapshot {
  const base = clusterSnapshot("west", [obj("ServiceEntry", "se", { namespace: "ns", spec: { hosts: ["a.ns.svc.cluster.local"] } })]);
  return { ...base, objects: { ...base.objects, WorkloadEntry: chunkedMap(chunks) } };
}

describe("observed views over a chunked map", () => {
  const first = [we(1), we(2)];
  const second = [we(3), we(4)];
  const before = withWorkloadEntries([{ live: first }, { live: second }]);
  const changed = [we(3, "2"), second[1] as CachedObject];
  // The second chunk copied on write: it names the list it was copied from.
  const after = withWorkloadEntries([{ live: first }, { live: changed, previous: { deref: () => second } }]);
  // The same objects after a compaction: new chunks, no previous list.
  const compacted = withWorkloadEntries([{ live: [...first, ...changed] }]);

  it.each<[string, ClusterSnapshot]>([
    ["before", before],
    ["after a change in one chunk", after],
  ])("equals the views of the same objects in a plain map (%s)", (_name, cluster) => {
    const plain = clusterSnapshot("west", [...cluster.objects.ServiceEntry.values(), ...cluster.objects.WorkloadEntry.values()]);
    expect(observedCluster(cluster, createRegistryMemos()).objects).toEqual(observedCluster(plain).objects);
  });

  it("makes views only for the chunk that changed; the others keep their identity, and each chunk is a part", () => {
    const memos = createRegistryMemos();
    const was = observedCluster(before, memos).objects.filter((o) => o.kind === "WorkloadEntry");
    const seen = observedCluster(after, memos);
    const now = seen.objects.filter((o) => o.kind === "WorkloadEntry");
    expect(now.map((o) => o.name)).toEqual(["we-1", "we-2", "we-3", "we-4"]);
    expect(now.map((o, i) => o === was[i])).toEqual([true, true, false, true]);
    expect(now[2]?.resourceVersion).toBe("2");
    // DestinationRule, Gateway, ServiceEntry: one part each; WorkloadEntry: one per chunk.
    expect(clusterParts(seen, memos).map((part) => part.map((o) => o.name))).toEqual([[], [], ["se"], ["we-1", "we-2"], ["we-3", "we-4"]]);
  });

  it("joins the parts into one list only when it is read, and then once", () => {
    const memos = createRegistryMemos();
    const seen = observedCluster(after, memos);
    expect(seen.parts?.map((part) => part.length)).toEqual([0, 0, 1, 2, 2]);
    const objects = seen.objects;
    expect(seen.objects).toBe(objects);
    expect(objects).toEqual(joined(seen.parts ?? []));
    expect(clusterParts(seen, memos)).toBe(seen.parts);
  });

  it("lets the registry's diff read the parts, never the joined list", () => {
    const memos = createRegistryMemos();
    const holds: ClusterHolds = { stale: new Set(), configStale: false };
    const scope = scopeFromPlanned([]);
    let reads = 0;
    const watched = (c: ClusterSnapshot): ObservedCluster => {
      const seen = observedCluster(c, memos);
      return { name: seen.name, stale: seen.stale, parts: seen.parts, unobservedKinds: [], get objects() { return (reads++, seen.objects); } };
    };
    const first = diffPatched("west", [], watched(before), holds, scope, undefined, memos);
    const second = diffPatched("west", [], watched(after), holds, scope, first, memos);
    expect(reads).toBe(0);
    expect(second.compared).not.toBe(first.compared);
    expect(second.result).toEqual(diffCluster("west", [], observedCluster(after), holds, undefined, scope));
  });

  it("never carries a view to another chunk position: after a compaction every view is new", () => {
    const memos = createRegistryMemos();
    const was = observedCluster(after, memos).objects;
    const now = observedCluster(compacted, memos).objects.filter((o) => o.kind === "WorkloadEntry");
    expect(now.map((o) => o.name)).toEqual(["we-1", "we-2", "we-3", "we-4"]);
    expect(now.filter((o) => was.includes(o))).toEqual([]);
  });

  it("lists a chunked kind in chunk order; a plain map has no chunks", () => {
    expect(listOf(after, "WorkloadEntry").map((o) => o.metadata.name)).toEqual(["we-1", "we-2", "we-3", "we-4"]);
    expect(chunksOf(after, "WorkloadEntry")?.map((chunk) => chunk.live)).toEqual([first, changed]);
    expect(chunksOf(clusterSnapshot("west", [we(1)]), "WorkloadEntry")).toBeUndefined();
  });

  it.each<[string, number[][], number[]]>([
    ["none", [], []],
    ["empty lists", [[], []], []],
    ["in order", [[1, 2], [], [3]], [1, 2, 3]],
  ])("joins lists: %s", (_name, lists, expected) => {
    expect(joined(lists)).toEqual(expected);
  });
});
