// The registry's two readings of a fleet snapshot's cluster (lib/fleet/snapshot-types.ts): a kind's objects as
// an array, and whether the cluster counts as stale.
import type { CachedObject, ClusterSnapshot, FleetKind, ObjectMap } from "@/lib/fleet/snapshot-types";
import { remembered, type RegistryMemos } from "./registry-memos";

/**
 * The fleet cache's maps are structurally shared (server/fleet/versioned-map.ts): a map's values come in chunks,
 * and a chunk's `live` list keeps its identity while none of its objects changed, from one snapshot to the next.
 * Read structurally, so any ReadonlyMap works (a plain Map is one chunk).
 */
/** `previous`: the list of the chunk this one was copied from, at the same position, held weakly (versioned-map.ts). */
export type ObjectChunk = { readonly live: readonly CachedObject[]; readonly previous?: { deref(): readonly CachedObject[] | undefined } };

type Chunked = { readonly chunks: readonly ObjectChunk[] };

const isChunked = (map: ObjectMap): map is ObjectMap & Chunked => Array.isArray((map as Partial<Chunked>).chunks);

/** A kind's objects in chunks, in map order; undefined for a map that is not chunked (a plain Map). */
export function chunksOf(c: Pick<ClusterSnapshot, "objects">, kind: FleetKind): readonly ObjectChunk[] | undefined {
  const map = c.objects[kind];
  return isChunked(map) ? map.chunks : undefined;
}

/**
 * The fleet cache keeps an unchanged kind's map from one snapshot to the next, so with `memos` its array is made
 * once and the same array is handed out again (later stages memoise on that identity).
 */
export function listOf(c: Pick<ClusterSnapshot, "objects">, kind: FleetKind, memos?: RegistryMemos): readonly CachedObject[] {
  const map = c.objects[kind];
  // Joining the chunks' lists copies references only (cheaper than walking the map entry by entry).
  return remembered(memos?.lists, map, () => (isChunked(map) ? joined(map.chunks.map((chunk) => chunk.live)) : [...map.values()]));
}

/** Lists per concat call: a spread of many more could exceed the engine's argument limit. */
const JOIN_BATCH = 4096;

/**
 * The lists one after the other, in one new array. concat copies each list's references as a block; a push per
 * item cost ~4× as much (a cluster's ~29,000 WorkloadEntries, joined again whenever one of its chunks changed).
 */
export function joined<T>(lists: ReadonlyArray<readonly T[]>): T[] {
  let out: T[] = [];
  for (let i = 0; i < lists.length; i += JOIN_BATCH) out = out.concat(...lists.slice(i, i + JOIN_BATCH));
  return out;
}

/**
 * A cluster that is not `synced` (stale, or syncing — including a relist after it came back) counts as stale:
 * its objects are the last known ones, so nothing generated from it is deleted and nothing in it is written.
 */
export function isStale(c: Pick<ClusterSnapshot, "state">): boolean {
  return c.state !== "synced";
}
