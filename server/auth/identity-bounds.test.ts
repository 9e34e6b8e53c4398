import { describe, expect, it } from "vitest";
import { boundedIdentity, MAX_GROUPS } from "./identity-bounds";

describe("boundedIdentity", () => {
  it("keeps a plain identity and deduplicates groups in order", () => {
    expect(boundedIdentity("alice", ["b", "a", "b"])).toEqual({ ok: true, identity: { user: "alice", groups: ["b", "a"] } });
  });

  it.each<[string, string, string[], RegExp]>([
    ["an empty user", "", [], /user name is empty/],
    ["a user with a newline", "alice\nImpersonate-User: admin", [], /not printable/],
    ["a user with surrounding spaces", " alice", [], /not printable/],
    ["a reserved user", "system:admin", [], /system:/],
    ["a reserved group", "alice", ["system:masters"], /reserved/],
    ["an empty group", "alice", [""], /empty/],
    ["too many groups", "alice", Array.from({ length: MAX_GROUPS + 1 }, (_, i) => `g${i}`), /at most 64/],
    ["a group too long", "alice", ["g".repeat(257)], /too long/],
  ])("refuses %s", (_name, user, groups, message) => {
    const result = boundedIdentity(user, groups);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("accepts names with inner spaces", () => {
    expect(boundedIdentity("Ada Lovelace", ["team a"]).ok).toBe(true);
  });

  it.each([["Zoë", []], ["alice", ["équipe"]]] as const)("refuses non-ASCII %s %j (it cannot travel as a header to the clusters)", (user, groups) => {
    const result = boundedIdentity(user, groups);
    expect(result.ok ? "" : result.message).toMatch(/printable ASCII/);
  });
});
