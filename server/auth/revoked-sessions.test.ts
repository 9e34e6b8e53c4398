import { describe, expect, it } from "vitest";
import { isRevoked, revokeSession } from "./revoked-sessions";

describe("revoked sessions", () => {
  it("a revoked id is refused until the session would have expired, then forgotten", () => {
    revokeSession("sid-revoked-until-2000", 2_000, 1_000);
    expect(isRevoked("sid-revoked-until-2000", 1_500)).toBe(true);
    expect(isRevoked("sid-revoked-until-2000", 2_000)).toBe(false);
    expect(isRevoked("sid-never-revoked", 1_500)).toBe(false);
  });

  it("drops expired entries when another is added", () => {
    revokeSession("sid-short", 10, 0);
    revokeSession("sid-later", 10_000, 20);
    // Gone from the store, not only expired: a reused id (impossible with 128 random bits) would be accepted.
    expect(isRevoked("sid-short", 5)).toBe(false);
    expect(isRevoked("sid-later", 5)).toBe(true);
  });
});
