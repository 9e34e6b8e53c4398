import { describe, expect, it } from "vitest";
import { edited, type Insert } from "./list-edits";

// Inserts keyed by the id the list is sorted by (here the item itself).
const byId = (inserts: Insert<string>[]) => new Map(inserts.map((i) => [i.item, i]));

describe("edited", () => {
  const rows: { name: string; before: string[]; puts: [number, string | null][]; inserts: Insert<string>[]; after: string[] }[] = [
    { name: "nothing to do: a copy", before: ["a", "c"], puts: [], inserts: [], after: ["a", "c"] },
    { name: "an insert in the middle", before: ["a", "c"], puts: [], inserts: [{ at: 1, item: "b" }], after: ["a", "b", "c"] },
    { name: "inserts first and last", before: ["b"], puts: [], inserts: [{ at: 0, item: "a" }, { at: 1, item: "c" }], after: ["a", "b", "c"] },
    { name: "two inserts at one place go in id order", before: ["a", "d"], puts: [], inserts: [{ at: 1, item: "c" }, { at: 1, item: "b" }], after: ["a", "b", "c", "d"] },
    { name: "inserts given out of place order", before: ["b", "d"], puts: [], inserts: [{ at: 2, item: "e" }, { at: 0, item: "a" }], after: ["a", "b", "d", "e"] },
    { name: "a replacement and a drop", before: ["a", "b", "c"], puts: [[2, "C"], [0, null]], inserts: [], after: ["b", "C"] },
    { name: "an insert before a dropped item", before: ["a", "c"], puts: [[1, null]], inserts: [{ at: 1, item: "b" }], after: ["a", "b"] },
    { name: "an insert before a replaced item", before: ["a", "c"], puts: [[1, "C"]], inserts: [{ at: 1, item: "b" }], after: ["a", "b", "C"] },
    { name: "everything dropped", before: ["a", "b"], puts: [[0, null], [1, null]], inserts: [], after: [] },
    { name: "into an empty list", before: [], puts: [], inserts: [{ at: 0, item: "a" }], after: ["a"] },
  ];

  it("edits only the first `end` items when given", () => {
    expect(edited(["a", "c", "x", "y"], new Map([[0, "A"]]), byId([{ at: 2, item: "d" }]), 2)).toEqual(["A", "c", "d"]);
  });

  it.each(rows)("$name", ({ before, puts, inserts, after }) => {
    const out = edited(before, new Map(puts), byId(inserts));
    expect(out).toEqual(after);
    expect(out.length).toBe(after.length);
    expect(out).not.toBe(before);
  });
});
