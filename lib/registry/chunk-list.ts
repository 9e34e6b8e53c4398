// A list kept in chunks that versions share: an edit copies the chunks it touches and the spine (one entry per
// chunk), never the whole list. The registry keeps one comparison per planned object per cluster (~29,000 at
// 20 × 500) and makes a new version of a cluster's list for every change to it (a new plan, the echo of its own
// writes). As one array each version was a 232 KB copy: past V8's 128 KiB limit for the young generation, so it
// was promoted to the old one by the first young collection it outlived and left there for a full collection —
// most of what the change samples of bench:registry made for major collections. Chunks of 1,024 are 8 KiB each.
import { edited, type Insert, type Inserts, type Puts } from "@/lib/plan/list-edits";
import { joined } from "./snapshot-lists";

export type ChunkList<T> = {
  readonly chunks: ReadonlyArray<readonly T[]>;
  /** The position of each chunk's first item. */
  readonly starts: readonly number[];
  readonly length: number;
};

export const CHUNK_SIZE = 1024;

function ofChunks<T>(chunks: ReadonlyArray<readonly T[]>): ChunkList<T> {
  const starts = new Array<number>(chunks.length);
  let length = 0;
  for (let k = 0; k < chunks.length; k++) {
    starts[k] = length;
    length += (chunks[k] as readonly T[]).length;
  }
  return { chunks, starts, length };
}

/** The first `end` items of `items`, in chunks of `size`. */
export function chunkList<T>(items: readonly T[], end = items.length, size = CHUNK_SIZE): ChunkList<T> {
  const chunks: T[][] = [];
  for (let at = 0; at < end; at += size) chunks.push(items.slice(at, Math.min(at + size, end)));
  return ofChunks(chunks);
}

/** Builds a chunk list item by item, in order. */
export function chunkBuilder<T>(size = CHUNK_SIZE): { push(item: T): void; done(): ChunkList<T> } {
  const chunks: T[][] = [];
  let current: T[] = [];
  return {
    push(item) {
      if (current.length === size) chunks.push((current = []));
      else if (chunks.length === 0) chunks.push(current);
      current.push(item);
    },
    done: () => ofChunks(chunks),
  };
}

/** The chunk holding position `at` (0 ≤ at < length): the last chunk starting at or before it. */
function chunkAt(list: ChunkList<unknown>, at: number): number {
  let [lo, hi] = [0, list.starts.length - 1];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((list.starts[mid] as number) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function itemAt<T>(list: ChunkList<T>, at: number): T | undefined {
  if (at < 0 || at >= list.length) return undefined;
  const k = chunkAt(list, at);
  return (list.chunks[k] as readonly T[])[at - (list.starts[k] as number)];
}

/** Every item, in one new array (tests and cold paths). */
export function listItems<T>(list: ChunkList<T>): T[] {
  return joined(list.chunks);
}

type ChunkEdits<T> = { puts: Map<number, T | null>; inserts: Map<string, Insert<T>> };

/**
 * `list` with the edits of list-edits.ts' edited(): `puts` by position (null drops the item), `inserts` before a
 * position (the list's length: at the end). Chunks without an edit are the same arrays; an edited chunk that grew
 * past twice the size is split, one left empty is dropped.
 */
export function editedList<T>(list: ChunkList<T>, puts: Puts<T>, inserts: Inserts<T>, size = CHUNK_SIZE): ChunkList<T> {
  if (puts.size === 0 && inserts.size === 0) return list;
  const byChunk = new Map<number, ChunkEdits<T>>();
  const editsOf = (k: number) => {
    let e = byChunk.get(k);
    if (!e) byChunk.set(k, (e = { puts: new Map(), inserts: new Map() }));
    return e;
  };
  for (const [at, item] of puts) {
    const k = chunkAt(list, at);
    editsOf(k).puts.set(at - (list.starts[k] as number), item);
  }
  for (const [id, insert] of inserts) {
    // At the end (or into an empty list): the last chunk's end; else the chunk holding the position.
    const k = insert.at >= list.length ? Math.max(0, list.chunks.length - 1) : chunkAt(list, insert.at);
    editsOf(k).inserts.set(id, { at: insert.at - (list.starts[k] ?? 0), item: insert.item });
  }
  const chunks: Array<readonly T[]> = [];
  const count = Math.max(list.chunks.length, 1);
  for (let k = 0; k < count; k++) {
    const chunk = list.chunks[k] ?? [];
    const e = byChunk.get(k);
    if (!e) {
      chunks.push(chunk);
      continue;
    }
    const next = edited(chunk, e.puts, e.inserts);
    if (next.length <= 2 * size) {
      if (next.length > 0) chunks.push(next);
      continue;
    }
    for (let at = 0; at < next.length; at += size) chunks.push(next.slice(at, at + size));
  }
  return ofChunks(chunks);
}
