import { describe, expect, it } from "vitest";
import { deepFreeze } from "@/lib/fleet/deep-freeze";
import { random } from "@/server/model/test/fleet-gen";
import { hashKey } from "./versioned-map-hash";
import { MapSnapshot } from "./map-snapshot";
import { VersionedMap } from "./versioned-map";

type Op = ["set", string, number] | ["delete", string];

const entriesOf = (m: ReadonlyMap<string, number>) => [...m.entries()];

describe("versioned map", () => {
  it.each<[string, Op[], Array<[string, number]>]>([
    ["insertion order", [["set", "b", 1], ["set", "a", 2], ["set", "c", 3]], [["b", 1], ["a", 2], ["c", 3]]],
    ["an update keeps its place", [["set", "a", 1], ["set", "b", 2], ["set", "a", 3]], [["a", 3], ["b", 2]]],
    ["deleted and set again goes last", [["set", "a", 1], ["set", "b", 2], ["delete", "a"], ["set", "a", 4]], [["b", 2], ["a", 4]]],
    ["deleting a missing key", [["set", "a", 1], ["delete", "x"]], [["a", 1]]],
  ])("iterates as a Map does: %s", (_name, ops, expected) => {
    const map = new VersionedMap<number>();
    const oracle = new Map<string, number>();
    for (const op of ops) {
      if (op[0] === "set") [map, oracle].forEach((m) => m.set(op[1], op[2]));
      else expect(map.delete(op[1])).toBe(oracle.delete(op[1]));
    }
    expect(entriesOf(map.snapshot())).toEqual(expected);
    expect(entriesOf(map.snapshot())).toEqual(entriesOf(oracle));
  });

  it("a snapshot keeps what it saw while the map changes, on random edits past growth and compaction", () => {
    const r = random(7);
    const map = new VersionedMap<number>();
    const oracle = new Map<string, number>();
    const kept: Array<{ view: MapSnapshot<number>; expected: Array<[string, number]> }> = [];
    for (let step = 0; step < 6000; step++) {
      const key = `ns-${r.int(3)}/svc-${r.int(step < 3000 ? 2500 : 300)}`;
      if (r.next() < (step < 3000 ? 0.15 : 0.7)) expect(map.delete(key)).toBe(oracle.delete(key));
      else [map, oracle].forEach((m) => m.set(key, step));
      if (step % 250 === 0) kept.push({ view: map.snapshot(), expected: entriesOf(oracle) });
    }
    kept.push({ view: map.snapshot(), expected: entriesOf(oracle) });
    for (const { view, expected } of kept) {
      expect(entriesOf(view)).toEqual(expected);
      expect(view.chunks.flatMap((chunk) => chunk.live)).toEqual(expected.map(([, value]) => value));
      expect(view.size).toBe(expected.length);
      for (const [key, value] of expected) expect(view.get(key)).toBe(value);
      expect(view.get("ns-9/missing")).toBeUndefined();
    }
    const last = kept.at(-1)?.view;
    expect([...(last?.keys() ?? [])]).toEqual([...oracle.keys()]);
    expect([...(last?.values() ?? [])]).toEqual([...oracle.values()]);
  });

  it("closes holes once they outnumber the entries, leaving earlier snapshots and the order as they were", () => {
    const map = new VersionedMap<number>(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i] as const));
    const full = map.snapshot();
    for (let i = 0; i < 1000; i++) if (i % 10 !== 3) map.delete(`k${i}`);
    map.set("k3", -3);
    map.set("late", 7);
    const sparse = map.snapshot();
    expect(sparse.chunks.length).toBeLessThan(full.chunks.length / 2);
    expect([...sparse.keys()]).toEqual([...Array.from({ length: 100 }, (_, i) => `k${i * 10 + 3}`), "late"]);
    expect([sparse.get("k3"), sparse.get("k13"), sparse.get("k4"), sparse.size]).toEqual([-3, 13, undefined, 101]);
    expect([full.size, full.get("k4"), [...full.values()].length]).toEqual([1000, 4, 1000]);
  });

  it("hands out the same view until something changes", () => {
    const map = new VersionedMap<number>([["a", 1]]);
    const first = map.snapshot();
    expect(map.snapshot()).toBe(first);
    map.set("a", 2);
    expect(map.snapshot()).not.toBe(first);
    expect(first.get("a")).toBe(1);
  });

  it("a snapshot after a few changes shares every chunk it did not touch", () => {
    const map = new VersionedMap<number>(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i] as const));
    const before = map.snapshot();
    map.set("k5000", -1);
    const after = map.snapshot();
    const shared = after.chunks.filter((chunk, i) => chunk === before.chunks[i]).length;
    expect(shared).toBe(before.chunks.length - 1);
    // Each chunk's live values, in order, are the map's values; an untouched chunk keeps its list.
    expect(after.chunks.flatMap((chunk) => chunk.live)).toEqual([...after.values()]);
    expect(after.chunks.filter((chunk, i) => chunk.live === before.chunks[i]?.live)).toHaveLength(before.chunks.length - 1);
    // An update keeps its slot, so the index is untouched; a new key changes one bucket.
    expect(after.buckets.filter((b, i) => b !== before.buckets[i])).toHaveLength(0);
    map.set("new", 1);
    expect(map.snapshot().buckets.filter((b, i) => b !== after.buckets[i])).toHaveLength(1);
  });

  it("refuses writes through a snapshot, and once deep-frozen its parts too, while the map goes on", () => {
    const map = new VersionedMap<{ n: number }>([["a", { n: 1 }]]);
    const view = deepFreeze(map.snapshot());
    expect("set" in view).toBe(false);
    expect(() => ((view.get("a") as { n: number }).n = 2)).toThrow(TypeError);
    expect(() => (view.chunks[0]?.values as unknown[]).push(undefined)).toThrow(TypeError);
    map.set("a", { n: 3 });
    map.set("b", { n: 4 });
    expect(view.get("a")).toEqual({ n: 1 });
    expect(map.snapshot().get("a")).toEqual({ n: 3 });
  });

  it("reads like a Map: has, forEach, JSON", () => {
    const view = new VersionedMap<number>([["a", 1], ["b", 2]]).snapshot();
    expect([view.has("a"), view.has("z")]).toEqual([true, false]);
    const seen: string[] = [];
    view.forEach((v, k, m) => seen.push(`${k}=${v}:${m === view}`));
    expect(seen).toEqual(["a=1:true", "b=2:true"]);
    expect(JSON.stringify({ view })).toBe('{"view":{"a":1,"b":2}}');
  });

  it.each([["", 0x811c9dc5], ["a", 0xe40c292c], ["foobar", 0xbf9cf968]])("hashes %j with FNV-1a", (key, expected) => {
    expect(hashKey(key)).toBe(expected);
  });
});
