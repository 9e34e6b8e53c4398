// Snapshot → what the registry observed per cluster: the objects of the kinds the planner generates (ours and
// everyone else's — a foreign object under a planned name must be seen to be left alone).
import type { DesiredKind } from "@/lib/plan/desired";
import { timestamp } from "./json-read";
import { managersOf } from "./ownership";
import type { ClusterSnapshot, FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { SnapshotObject } from "./raw-object";
import { remembered, type RegistryMemos } from "./registry-memos";
import { chunksOf, isStale, joined, listOf, type ObjectChunk } from "./snapshot-lists";
import { REGISTRY_KINDS, type ObservedCluster, type ObservedObject, type ObservedParts } from "./types";

// An unchanged live object keeps its identity across snapshots; so does its observed view, with `memos` (the diff
// remembers comparisons per object pair).
function toObserved(kind: DesiredKind, o: SnapshotObject, memos: RegistryMemos | undefined): ObservedObject | undefined {
  const cached = memos?.views.get(o);
  if (cached?.kind === kind) return cached.view;
  const view = convert(kind, o, memos);
  memos?.views.set(o, { kind, view });
  return view;
}

// The fleet cache shares one frozen managedFields list among every object the same managers wrote (slim.ts), so
// their `manager/operation` spellings are made once per list, not once per object.
function managersView(managedFields: ReadonlyArray<unknown> | undefined, memos: RegistryMemos | undefined): readonly string[] {
  if (!managedFields) return [];
  return remembered(memos?.managerViews, managedFields, () => managersOf(managedFields));
}

function convert(kind: DesiredKind, o: SnapshotObject, memos: RegistryMemos | undefined): ObservedObject | undefined {
  const m = o.metadata;
  if (!m?.name || !m.namespace) return undefined;
  const created = timestamp(m.creationTimestamp);
  return {
    kind,
    namespace: m.namespace,
    name: m.name,
    uid: m.uid ?? "",
    resourceVersion: m.resourceVersion ?? "",
    ...(created ? { creationTimestamp: created } : {}),
    labels: m.labels ?? {},
    annotations: m.annotations ?? {},
    spec: o.spec,
    managers: managersView(m.managedFields, memos),
  };
}

// The snapshot keeps a kind's list while none of its objects changed, so its views are kept per list too (with
// `memos`): when one ServiceEntry arrives, a cluster's tens of thousands of WorkloadEntries are not looked at again.
function viewsOf(kind: DesiredKind, list: readonly SnapshotObject[], memos: RegistryMemos | undefined): readonly ObservedObject[] {
  return remembered(memos?.kindViews, list, () => list.flatMap((o) => toObserved(kind, o, memos) ?? []));
}

const named = (o: SnapshotObject) => Boolean(o.metadata?.name && o.metadata.namespace);

/** The view of each object of `live` that has one, from `views` (made from `live` in order). */
function viewByObject(live: readonly SnapshotObject[], views: readonly ObservedObject[]): Map<SnapshotObject, ObservedObject> {
  const out = new Map<SnapshotObject, ObservedObject>();
  let at = 0;
  for (const o of live) if (named(o)) out.set(o, views[at++] as ObservedObject);
  return out;
}

/** How far ahead of the last match a kept object is looked for (a few objects of a chunk change between snapshots). */
const LOOKAHEAD = 16;

/**
 * The views of `live` that `previous` (whose views are `before`, one per object) already had: the chunk keeps its
 * objects' order (an update stays in its slot, a delete leaves a hole, an insert goes last), so one walk over both
 * finds them, looking a little ahead past what was replaced or removed.
 */
function keptInOrder(live: readonly SnapshotObject[], previous: readonly SnapshotObject[], before: readonly ObservedObject[]): Array<ObservedObject | undefined> {
  let j = 0;
  return live.map((o) => {
    for (let k = j; k < Math.min(previous.length, j + LOOKAHEAD); k++) {
      if (previous[k] !== o) continue;
      j = k + 1;
      return before[k];
    }
    return undefined;
  });
}

// One chunk of the fleet cache's map (snapshot-lists.ts): its views are kept while the chunk is unchanged, and a
// changed chunk keeps the views of its unchanged objects from the chunk it was copied from — the same position —
// so a change costs its chunk. A view is never carried to another position (see observedCluster).
function chunkViews(kind: DesiredKind, chunk: ObjectChunk, memos: RegistryMemos | undefined): readonly ObservedObject[] {
  return remembered(memos?.kindViews, chunk.live, () => {
    // Gone (collected) when no snapshot that had it is held any more: then every view is made anew.
    const previous = chunk.previous?.deref();
    const before = previous && memos?.kindViews.get(previous);
    if (!previous || !before) return chunk.live.flatMap((o) => convert(kind, o, memos) ?? []);
    if (before.length === previous.length) {
      const kept = keptInOrder(chunk.live, previous, before);
      return chunk.live.flatMap((o, i) => kept[i] ?? convert(kind, o, memos) ?? []);
    }
    const kept = viewByObject(previous, before);
    return chunk.live.flatMap((o) => kept.get(o) ?? convert(kind, o, memos) ?? []);
  });
}

/**
 * A cluster's observed parts, REGISTRY_KINDS order: one per kind, except that the last kind (WorkloadEntry, tens
 * of thousands per cluster) of a chunked map is one part per chunk. Comparisons pair two lists' parts by position
 * when they have as many (compare-patch.ts), skipping pairs that are the same list. That pairing is sound because
 * every part before the last kind's is one kind, and within the last kind a view is only ever kept by the same
 * object at the same chunk position: an object that moved (compaction, a relist) is a new view there, which the
 * comparison reads as one removed and one added, as it reads any new version.
 */
function partsOf(c: ClusterSnapshot, memos: RegistryMemos | undefined): ReadonlyArray<readonly ObservedObject[]> {
  const last = REGISTRY_KINDS.length - 1;
  return REGISTRY_KINDS.flatMap((kind, i) => {
    const chunks = chunksOf(c, kind);
    if (!chunks) return [viewsOf(kind, listOf(c, kind, memos), memos)];
    const views = chunks.map((chunk) => chunkViews(kind, chunk, memos));
    return i === last ? views : [remembered(memos?.kindViews, listOf(c, kind, memos), () => joined(views))];
  });
}

// Every kind is in the snapshot (the fleet cache watches them all), so no kind is unobserved. With `memos`, the
// parts are remembered per list (partsOf), so comparisons skip unchanged kinds and chunks. The whole list is
// joined only when something reads `objects`: the registry's diff reads the parts (compare-patch.ts), and at
// 20 × 500 a join copied a cluster's ~29,000 views for every snapshot that changed one of them — an array too large
// for the young generation, so V8 promoted each one straight to the old one, for a full collection to free.
export function observedCluster(c: ClusterSnapshot, memos?: RegistryMemos): ObservedCluster {
  const parts = partsOf(c, memos);
  let objects: ObservedObject[] | undefined;
  return {
    name: c.name,
    stale: isStale(c),
    parts,
    get objects() {
      return (objects ??= joined(parts));
    },
    unobservedKinds: [],
  };
}

/**
 * A cluster's observed objects in parts, read without joining them (none for a cluster not observed). A cluster
 * made elsewhere than observedCluster (tests, fixtures) is one part: with `memos`, the same array per list.
 */
export function clusterParts(seen: ObservedCluster | undefined, memos?: RegistryMemos): ObservedParts {
  if (!seen) return [];
  return seen.parts ?? remembered(memos?.parts, seen.objects, () => [seen.objects]);
}

export function observedFromSnapshot(snapshot: Pick<FleetSnapshot, "clusters">, memos?: RegistryMemos): ObservedCluster[] {
  return snapshot.clusters.map((c) => observedCluster(c, memos));
}
