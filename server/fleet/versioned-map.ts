// A map whose snapshots are structurally shared: the fleet cache keeps each kind of each cluster in one, and a
// snapshot after k changes costs O(k) plus two short root copies, not a copy of every object of the kind (at
// 20 × 500 a cluster holds about 30,000 WorkloadEntries, and a change burst touched every cluster's map).
//
// Layout: entries live in slots, in chunks of CHUNK; a key's slot comes from a hashed index split into buckets.
// A snapshot copies only the two root arrays (chunks, buckets); a chunk or bucket is copied on its first write
// after a snapshot (copy on write, tracked by epoch), so every snapshot keeps seeing what it saw.
// Iteration order is a JavaScript Map's: insertion order, an update keeps its place, a key deleted and set again
// goes last (a deleted slot is a hole, skipped; holes are compacted away once they are the majority).
import { BUCKET_LOAD, CHUNK, liveOf, MapSnapshot, SHIFT, type Bucket, type Chunk } from "./map-snapshot";
import { hashKey } from "./versioned-map-hash";

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
    return slot === undefined ? undefined : this.chunks[slot >>> SHIFT]?.values[slot & (CHUNK - 1)];
  }

  set(key: string, value: V): this {
    const slot = this.bucketOf(key).slots.get(key);
    if (slot !== undefined) {
      this.writable(slot >>> SHIFT).values[slot & (CHUNK - 1)] = value;
      return this.changed();
    }
    const at = this.length++;
    if ((at & (CHUNK - 1)) === 0) this.chunks.push({ epoch: this.epoch, keys: [], values: [], live: [] });
    const chunk = this.writable(at >>> SHIFT);
    chunk.keys[at & (CHUNK - 1)] = key;
    chunk.values[at & (CHUNK - 1)] = value;
    this.writableBucket(key).slots.set(key, at);
    this.count += 1;
    if (this.count > this.buckets.length * BUCKET_LOAD) this.reindex(this.buckets.length * 4);
    return this.changed();
  }

  delete(key: string): boolean {
    const slot = this.bucketOf(key).slots.get(key);
    if (slot === undefined) return false;
    const chunk = this.writable(slot >>> SHIFT);
    chunk.keys[slot & (CHUNK - 1)] = undefined;
    chunk.values[slot & (CHUNK - 1)] = undefined;
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
    for (const chunk of this.dirty) chunk.live = liveOf(chunk);
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
    const copy = { epoch: this.epoch, keys: chunk.keys.slice(), values: chunk.values.slice(), live: chunk.live, previous: new WeakRef(chunk.live) };
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
      chunk.keys.forEach((key, s) => {
        if (key !== undefined) buckets[hashKey(key) & (size - 1)]?.slots.set(key, c * CHUNK + s);
      }),
    );
    this.buckets = buckets;
  }

  /** Closes the holes, keeping the order; new chunks and a new index (shared ones are left to their views). */
  private compact(): void {
    const keys: string[] = [];
    const values: V[] = [];
    for (const chunk of this.chunks) {
      for (let i = 0; i < chunk.keys.length; i++) {
        const key = chunk.keys[i];
        if (key === undefined) continue;
        keys.push(key);
        values.push(chunk.values[i] as V);
      }
    }
    this.chunks = [];
    this.dirty.clear();
    for (let at = 0; at < keys.length; at += CHUNK) {
      const chunk = { epoch: this.epoch, keys: keys.slice(at, at + CHUNK), values: values.slice(at, at + CHUNK), live: [] };
      this.chunks.push(chunk);
      this.dirty.add(chunk);
    }
    this.length = keys.length;
    let size = 1;
    while (size * BUCKET_LOAD < keys.length) size *= 4;
    this.reindex(size);
  }
}
