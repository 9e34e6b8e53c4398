import { describe, expect, it } from "vitest";
import { sortedRecord, stableStringify, uniqueSorted, type Json } from "./json";

describe("stableStringify", () => {
  it.each<[Json, string]>([
    [{ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}'],
    [["x", true, 1.5], '["x",true,1.5]'],
    ["q\"uote", '"q\\"uote"'],
    [{ z: [1, "a\u2028", { b: null, a: [true, 1.5e21, -0] }], "": {}, "\ud800": [] }, '{"":{},"z":[1,"a\u2028",{"a":[true,1.5e+21,0],"b":null}],"\\ud800":[]}'],
    [[], "[]"],
    [{}, "{}"],
  ])("%j → %s", (value, expected) => {
    expect(stableStringify(value)).toBe(expected);
  });

  it("sorts records and de-duplicates lists", () => {
    expect(Object.keys(sortedRecord({ b: "1", a: "2" }))).toEqual(["a", "b"]);
    expect(uniqueSorted(["b", "a", "b"])).toEqual(["a", "b"]);
  });
});
