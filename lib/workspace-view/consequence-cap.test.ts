import { describe, expect, it } from "vitest";
import { capConsequences, kindCounts } from "./consequence-cap";
import type { KindConsequence } from "./types";

const names = (n: number, prefix = "xcp-multicluster/we-") => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, "0")}`);
const kind = (added: number, removed: number, blocked = 0): KindConsequence => ({ added: names(added), removed: names(removed, "r-"), unchanged: 7, blocked: names(blocked, "b-") });

describe("capConsequences", () => {
  it.each<[string, KindConsequence, number, { listed: [number, number, number]; counts: [number, number, number] }]>([
    ["under the cap: the very same lists, no `more`", kind(3, 2, 1), 5, { listed: [3, 2, 1], counts: [3, 2, 1] }],
    ["at the cap: kept whole", kind(5, 5, 5), 5, { listed: [5, 5, 5], counts: [5, 5, 5] }],
    ["over it: the first names listed, the rest counted", kind(12, 2, 6), 5, { listed: [5, 2, 5], counts: [12, 2, 6] }],
  ])("%s", (_name, change, max, expected) => {
    const [capped] = capConsequences([{ cluster: "west", serviceEntries: change, workloadEntries: change }], max);
    const we = capped?.workloadEntries;
    expect([we?.added.length, we?.removed.length, we?.blocked.length]).toEqual(expected.listed);
    expect(we && kindCounts(we)).toEqual({ added: expected.counts[0], removed: expected.counts[1], blocked: expected.counts[2] });
    expect(we?.added[0]).toBe(change.added[0]);
    expect(we?.unchanged).toBe(7);
  });
});
