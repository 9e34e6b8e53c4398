import { describe, expect, it } from "vitest";
import { createIdentity, createKeyMemo, serviceKey } from "./service-key";
import { modelOf, seedInput } from "./test-fixtures";

describe("service keys", () => {
  it("number objects per identity function: two planners share no numbering", () => {
    const [a, b] = [{}, {}];
    const first = createIdentity();
    const second = createIdentity();
    expect([first(a), first(b), first(a)]).toEqual([1, 2, 1]);
    expect(second(b)).toBe(1);
  });

  it("are equal for an equal input under fresh memos, and differ when an instance is another object", () => {
    const input = seedInput();
    const model = modelOf(input);
    const keys = (memo = createKeyMemo()) => model.services.map((svc) => serviceKey(model, svc, memo));
    expect(keys()).toEqual(keys());
    const memo = createKeyMemo();
    const before = keys(memo);
    const copy = modelOf(structuredClone(input));
    expect(copy.services.map((svc) => serviceKey(copy, svc, memo))).not.toEqual(before);
  });
});
