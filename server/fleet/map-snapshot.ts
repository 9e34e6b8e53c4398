// The parts of a VersionedMap (versioned-map.ts) its snapshots share: chunks of slots, index buckets, and the
// immutable view over them.
import { hashKey } from "./versioned-map-hash";

// A write copies its chunk once per snapshot (CHUNK slots), a snapshot copies one root entry per chunk; and the
// fleet model compares observed objects chunk by chunk (lib/registry/observed-from-snapshot.ts), so a chunk is
// also the unit a change costs there.
export const SHIFT = 8;
export const CHUNK = 1 << SHIFT;
/** Keys per index bucket (on average) before the index is rebuilt with four times as many buckets. */
export const BUCKET_LOAD = 32;

/**
 * `live`: the chunk's values without holes, in order, made when a snapshot first includes the chunk. It keeps its
 * identity while the chunk is unchanged, so readers can remember what they derived per chunk (observed views).
 * `previous`: the `live` list of the chunk this one was copied from — the same position in the same layout — so a
 * reader can carry over what it derived for the objects that did not change. Compaction and a new map start
 * chunks without one (their objects may sit at other positions than before). Held weakly: the snapshot that had
 * that list (the model's last state) keeps it alive while it matters, and it never keeps replaced objects alive
 * after (a strong reference would hold one old version of every object of every chunk written since).
 * `keys` and `values`: a slot's key and value at the same index, a hole where the key is undefined. (Two arrays,
 * not one of [key, value] pairs: a pair was a 64-byte array of its own per entry, ~620,000 of them at 20 × 500.)
 */
export type Chunk<V> = { epoch: number; keys: Array<string | undefined>; values: Array<V | undefined>; live: readonly V[]; previous?: WeakRef<readonly V[]> };
export type Bucket = { epoch: number; slots: Map<string, number> };

/**
 * An immutable view of a VersionedMap at one point: a ReadonlyMap (no mutators at all, so writing through it
 * fails in every mode). Its parts are plain own properties, so deepFreeze (development and tests) freezes what
 * is new in it and skips the chunks earlier snapshots share, which it froze already.
 */
export class MapSnapshot<V> implements ReadonlyMap<string, V> {
  readonly size: number;
  readonly chunks: ReadonlyArray<Readonly<Chunk<V>>>;
  readonly buckets: readonly Bucket[];

  constructor(size: number, chunks: ReadonlyArray<Readonly<Chunk<V>>>, buckets: readonly Bucket[]) {
    this.size = size;
    this.chunks = chunks;
    this.buckets = buckets;
  }

  get(key: string): V | undefined {
    const slot = this.buckets[hashKey(key) & (this.buckets.length - 1)]?.slots.get(key);
    return slot === undefined ? undefined : this.chunks[slot >>> SHIFT]?.values[slot & (CHUNK - 1)];
  }

  has(key: string): boolean {
    return this.buckets[hashKey(key) & (this.buckets.length - 1)]?.slots.has(key) ?? false;
  }

  *entries(): MapIterator<[string, V]> {
    for (const chunk of this.chunks) {
      for (let i = 0; i < chunk.keys.length; i++) {
        const key = chunk.keys[i];
        if (key !== undefined) yield [key, chunk.values[i] as V];
      }
    }
  }

  *keys(): MapIterator<string> {
    for (const chunk of this.chunks) for (const key of chunk.keys) if (key !== undefined) yield key;
  }

  *values(): MapIterator<V> {
    // A snapshot's chunks never change (a write copies first) and each one's `live` list was made for it.
    for (const chunk of this.chunks) yield* chunk.live;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  /** What JSON.stringify of a Map-shaped snapshot should say: its entries, not its layout. */
  toJSON(): Record<string, V> {
    return Object.fromEntries(this.entries());
  }

  get [Symbol.toStringTag](): string {
    return "MapSnapshot";
  }
}

/** A chunk's values without its holes (a plain loop: this runs for every chunk written since the last snapshot). */
export function liveOf<V>(chunk: Chunk<V>): V[] {
  const out: V[] = [];
  for (let i = 0; i < chunk.keys.length; i++) if (chunk.keys[i] !== undefined) out.push(chunk.values[i] as V);
  return out;
}
