import { describe, expect, it } from "vitest";
import { edited, type Insert } from "@/lib/plan/list-edits";
import { chunkBuilder, chunkList, editedList, itemAt, listItems, type ChunkList } from "./chunk-list";

function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i);
const sizes = (list: ChunkList<unknown>) => list.chunks.map((chunk) => chunk.length);

describe("chunk lists", () => {
  it.each<[string, number[], number, number[]]>([
    ["empty", [], 4, []],
    ["one short chunk", [1, 2, 3], 4, [3]],
    ["exact chunks", range(8), 4, [4, 4]],
    ["a short last chunk", range(9), 4, [4, 4, 1]],
  ])("are made in chunks of the size: %s", (_name, items, size, expected) => {
    const list = chunkList(items, items.length, size);
    expect(sizes(list)).toEqual(expected);
    expect(listItems(list)).toEqual(items);
    expect(list.length).toBe(items.length);
    const built = chunkBuilder<number>(size);
    items.forEach((i) => built.push(i));
    expect(sizes(built.done())).toEqual(expected);
  });

  it("take the first `end` items only", () => {
    expect(listItems(chunkList(range(10), 6, 4))).toEqual(range(6));
  });

  it.each<[number, number | undefined]>([
    [-1, undefined],
    [0, 0],
    [3, 3],
    [4, 4],
    [9, 9],
    [10, undefined],
  ])("read position %i", (at, expected) => {
    expect(itemAt(chunkList(range(10), 10, 4), at)).toBe(expected);
  });

  it("share every chunk an edit does not touch", () => {
    const list = chunkList(range(12), 12, 4);
    const next = editedList(list, new Map([[5, 50]]), new Map(), 4);
    expect(listItems(next)).toEqual([0, 1, 2, 3, 4, 50, 6, 7, 8, 9, 10, 11]);
    expect(next.chunks.map((chunk, k) => chunk === list.chunks[k])).toEqual([true, false, true]);
    expect(listItems(list)).toEqual(range(12));
  });

  it.each<[string, number[], Map<number, number | null>, Array<[string, Insert<number>]>, number[]]>([
    ["nothing", range(5), new Map(), [], [4, 1]],
    ["into an empty list", [], new Map(), [["a", { at: 0, item: 7 }]], [1]],
    ["at the end", range(4), new Map(), [["z", { at: 4, item: 9 }]], [5]],
    ["a chunk emptied is dropped", range(8), new Map([[4, null], [5, null], [6, null], [7, null]]), [], [4]],
    ["a chunk grown past twice the size is split", range(4), new Map(), range(5).map((i): [string, Insert<number>] => [`k${i}`, { at: 2, item: 100 + i }]), [4, 4, 1]],
  ])("apply edits as one array would: %s", (_name, items, puts, inserts, expectedSizes) => {
    const list = chunkList(items, items.length, 4);
    const next = editedList(list, puts, new Map(inserts), 4);
    expect(listItems(next)).toEqual(edited(items, puts, new Map(inserts)));
    expect(sizes(next)).toEqual(expectedSizes);
  });

  it.each([1, 2, 3, 4, 5, 6])("match edited() on one array through a random walk of edits, walk %i", (seed) => {
    const random = rng(seed);
    let flat = range(Math.floor(random() * 40));
    let list = chunkList(flat, flat.length, 4);
    let next = 1000;
    for (let step = 0; step < 60; step++) {
      const puts = new Map<number, number | null>();
      const inserts = new Map<string, Insert<number>>();
      for (let n = Math.floor(random() * 6); n > 0; n--) {
        const at = Math.floor(random() * (flat.length + 1));
        if (at < flat.length && random() < 0.6) puts.set(at, random() < 0.5 ? null : next++);
        else inserts.set(`i${next}`, { at, item: next++ });
      }
      const expected = edited(flat, puts, inserts);
      list = editedList(list, puts, inserts, 4);
      expect(listItems(list), `step ${step}`).toEqual(expected);
      expect(list.length).toBe(expected.length);
      expect(list.chunks.every((chunk) => chunk.length > 0 && chunk.length <= 8), `step ${step}: chunk sizes`).toBe(true);
      flat = expected;
    }
  });
});
