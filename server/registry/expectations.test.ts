import { describe, expect, it } from "vitest";
import { createExpectations } from "./expectations";

const TTL = 1_000;

describe("expectations", () => {
  it.each([
    { name: "the same token within its time", token: "h1@7", at: 999, holds: true },
    { name: "the same token at its end", token: "h1@7", at: 1_000, holds: false },
    { name: "another content", token: "h2@7", at: 10, holds: false },
    { name: "the same content on another live version (a hand edit)", token: "h1@8", at: 10, holds: false },
  ])("$name: holds is $holds", ({ token, at, holds }) => {
    const e = createExpectations(TTL);
    e.remember("west|ServiceEntry|ns/a", "h1@7", 0, false);
    expect(e.holds("west|ServiceEntry|ns/a", token, at)).toBe(holds);
  });

  it("drops what has expired, so entries are bounded by the writes of one time to live, not of all time", () => {
    const e = createExpectations(TTL);
    for (let i = 0; i < 5_000; i++) e.remember(`k${i}`, "t", i, false);
    // Written at 0..4999 with a time to live of 1000: at 4999 only those written after 3999 still say anything.
    expect(e.size()).toBe(1_000);
    expect(e.holds("k3999", "t", 4_999)).toBe(false);
    expect(e.holds("k4000", "t", 4_999)).toBe(true);
  });

  it("a key written again moves to the end: its fresh expectation is not pruned with the old ones", () => {
    const e = createExpectations(TTL);
    e.remember("a", "t1", 0, false);
    e.remember("b", "t", 10, false);
    e.remember("a", "t2", 900, false);
    e.remember("c", "t", 1_500, false);
    expect(e.holds("a", "t2", 1_500)).toBe(true);
    expect(e.holds("b", "t", 1_500)).toBe(false);
    expect(e.size()).toBe(2);
  });

  it("an unverified write never expires, and does not hold the timed ones back", () => {
    const e = createExpectations(TTL);
    e.remember("u", "t", 0, true);
    e.remember("a", "t", 1, false);
    e.remember("b", "t", 5_000, false);
    expect(e.holds("u", "t", 1_000_000)).toBe(true);
    expect(e.holds("a", "t", 5_000)).toBe(false);
    expect(e.size()).toBe(2);
  });

  it("forget ends an expectation at once, timed or not", () => {
    const e = createExpectations(TTL);
    e.remember("a", "t", 0, false);
    e.remember("u", "t", 0, true);
    e.forget("a");
    e.forget("u");
    expect(e.holds("a", "t", 1)).toBe(false);
    expect(e.holds("u", "t", 1)).toBe(false);
    expect(e.size()).toBe(0);
  });
});
