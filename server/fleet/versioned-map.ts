// A map whose snapshots are structurally shared: the fleet cache keeps each kind of each cluster in one, and a
// snapshot after k changes costs O(k) plus two short root copies, not a copy of every object of the kind (at
// 20 × 500 a cluster holds about 30,000 WorkloadEntries, and a change burst touched every cluster's map).
//
// Layout: entries live in slots, in chunks of CHUNK; a key's slot comes from a hashed index split into buckets.
// A snapshot copies only the two root arrays (chunks, buckets); a chunk or bucket is copied on its first write
// after a snapshot (copy on write, tracked by epoch), so every snapshot keeps seeing what it saw.
// Iteration order is a JavaScript Map's: insertion order, an update keeps its place, a key deleted and set again
// goes last (a deleted slot is a hole, skipped; holes are compacted away once they are the majority).
import { hashKey } from "./versioned-map-hash";

// A write copies its chunk once per snapshot (CHUNK slots), a snapshot copies one root entry per chunk; and the
// fleet model compares observed objects chunk by chunk (lib/registry/observed-from-snapshot.ts), so a chunk is
// also the unit a change costs there.
const SHIFT = 8;
const CHUNK = 1 << SHIFT;
/** Keys per index bucket (on average) before the index is rebuilt with four times as many buckets. */
const BUCKET_LOAD = 32;

type Entry<V> = readonly [string, V];
/**
 * `live`: the chunk's values without holes, in order, made when a snapshot first includes the chunk. It keeps its
 * identity while the chunk is unchanged, so readers can remember what they derived per chunk (observed views).
 * `previous`: the `live` list of the chunk this one was copied from — the same position in the same layout — so a
 * reader can carry over what it derived for the objects that did not change. Compaction and a new map start
 * chunks without one (their objects may sit at other positions than before). Held weakly: the snapshot that had
 * that list (the model's last state) keeps it alive while it matters, and it never keeps replaced objects alive
 * after (a strong reference would hold one old version of every object of every chunk written since).
 */
type Chunk<V> = { epoch: number; slots: Array<Entry<V> | undefined>; live: readonly V[]; previous?: WeakRef<readonly V[]> };
type Bucket = { epoch: number; slots: Map<string, number> };

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
    return slot === undefined ? undefined : this.chunks[slot >>> SHIFT]?.slots[slot & (CHUNK - 1)]?.[1];
  }

  has(key: string): boolean {
    return this.buckets[hashKey(key) & (this.buckets.length - 1)]?.slots.has(key) ?? false;
  }

  *entries(): MapIterator<[string, V]> {
    for (const chunk of this.chunks) for (const entry of chunk.slots) if (entry) yield [entry[0], entry[1]];
  }

  *keys(): MapIterator<string> {
    for (const chunk of this.chunks) for (const entry of chunk.slots) if (entry) yield entry[0];
  }

  *values(): MapIterator<V> {
    for (const chunk of this.chunks) for (const entry of chunk.slots) if (entry) yield entry[1];
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const chunk of this.chunks) for (const entry of chunk.slots) if (entry) callback.call(thisArg, entry[1], entry[0], this);
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
function liveOf<V>(slots: ReadonlyArray<Entry<V> | undefined>): V[] {
  const out: V[] = [];
  for (const entry of slots) if (entry) out.push(entry[1]);
  return out;
}

/** The mutable side: one owner writes, `snapshot()` hands out immutable views. */
export class VersionedMap<V> {
  private epoch = 0;
  private count = 0;
  /** Slots used, holes included. */
  private length = 0;
  private chunks: Array<Chunk<V>> = [];
  private buckets: Bucket[] = [{ epoch: 0, slots: new Map() }];
  /** Chunks written since the last snapshot: their `live` lists are made again by the next one. */
  private dirty = new Set<Chunk<V>>();
  private view: MapSnapshot<V> | undefined;

  constructor(entries?: Iterable<readonly [string, V]>) {
    if (entries) for (const [key, value] of entries) this.set(key, value);
  }

  get size(): number {
    return this.count;
  }

  get(key: string): V | undefined {
    const slot = this.bucketOf(key).slots.get(key);
    return slot === undefined ? undefined : this.chunks[slot >>> SHIFT]?.slots[slot & (CHUNK - 1)]?.[1];
  }

  set(key: string, value: V): this {
    const slot = this.bucketOf(key).slots.get(key);
    if (slot !== undefined) {
      this.writable(slot >>> SHIFT).slots[slot & (CHUNK - 1)] = [key, value];
      return this.changed();
    }
    const at = this.length++;
    if ((at & (CHUNK - 1)) === 0) this.chunks.push({ epoch: this.epoch, slots: [], live: [] });
    this.writable(at >>> SHIFT).slots[at & (CHUNK - 1)] = [key, value];
    this.writableBucket(key).slots.set(key, at);
    this.count += 1;
    if (this.count > this.buckets.length * BUCKET_LOAD) this.reindex(this.buckets.length * 4);
    return this.changed();
  }

  delete(key: string): boolean {
    const slot = this.bucketOf(key).slots.get(key);
    if (slot === undefined) return false;
    this.writable(slot >>> SHIFT).slots[slot & (CHUNK - 1)] = undefined;
    this.writableBucket(key).slots.delete(key);
    this.count -= 1;
    this.changed();
    // Holes cost iteration time; once they outnumber the entries (and a few chunks' worth), close them up.
    if (this.length - this.count > Math.max(this.count, CHUNK)) this.compact();
    return true;
  }

  /** An immutable view of the map now; the same view until the next change. O(chunks + buckets) when it changed. */
  snapshot(): MapSnapshot<V> {
    if (this.view) return this.view;
    // Everything existing now belongs to the view too: the next write to any chunk or bucket copies it first.
    for (const chunk of this.dirty) chunk.live = liveOf(chunk.slots);
    this.dirty.clear();
    this.epoch += 1;
    this.view = new MapSnapshot(this.count, this.chunks.slice(), this.buckets.slice());
    return this.view;
  }

  private changed(): this {
    this.view = undefined;
    return this;
  }

  private bucketOf(key: string): Bucket {
    return this.buckets[hashKey(key) & (this.buckets.length - 1)] as Bucket;
  }

  private writable(index: number): Chunk<V> {
    const chunk = this.chunks[index] as Chunk<V>;
    if (chunk.epoch === this.epoch) return (this.dirty.add(chunk), chunk);
    const copy = { epoch: this.epoch, slots: chunk.slots.slice(), live: chunk.live, previous: new WeakRef(chunk.live) };
    this.chunks[index] = copy;
    this.dirty.add(copy);
    return copy;
  }

  private writableBucket(key: string): Bucket {
    const index = hashKey(key) & (this.buckets.length - 1);
    const bucket = this.buckets[index] as Bucket;
    if (bucket.epoch === this.epoch) return bucket;
    const copy = { epoch: this.epoch, slots: new Map(bucket.slots) };
    this.buckets[index] = copy;
    return copy;
  }

  /** Rebuilds the index with `size` buckets (a power of two); the chunks stay. */
  private reindex(size: number): void {
    const buckets: Bucket[] = Array.from({ length: size }, () => ({ epoch: this.epoch, slots: new Map<string, number>() }));
    this.chunks.forEach((chunk, c) =>
      chunk.slots.forEach((entry, s) => {
        if (entry) buckets[hashKey(entry[0]) & (size - 1)]?.slots.set(entry[0], c * CHUNK + s);
      }),
    );
    this.buckets = buckets;
  }

  /** Closes the holes, keeping the order; new chunks and a new index (shared ones are left to their views). */
  private compact(): void {
    const live: Array<Entry<V>> = [];
    for (const chunk of this.chunks) for (const entry of chunk.slots) if (entry) live.push(entry);
    this.chunks = [];
    this.dirty.clear();
    for (let at = 0; at < live.length; at += CHUNK) {
      const chunk = { epoch: this.epoch, slots: live.slice(at, at + CHUNK), live: [] };
      this.chunks.push(chunk);
      this.dirty.add(chunk);
    }
    this.length = live.length;
    let size = 1;
    while (size * BUCKET_LOAD < live.length) size *= 4;
    this.reindex(size);
  }
}
