import { describe, expect, it } from "vitest";
import { isSignInError, loginPath, safeReturnTo } from "./return-to";

describe("safeReturnTo", () => {
  it.each<[string | null, string]>([
    [null, "/"],
    ["", "/"],
    ["/workspaces/tetrate/bookinfo?tab=drills", "/workspaces/tetrate/bookinfo?tab=drills"],
    ["https://evil.example/", "/"],
    ["//evil.example/x", "/"],
    ["/\\evil.example", "/"],
    ["/a\\b", "/"],
    ["/x\nLocation: https://evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["/auth/login", "/"],
    ["/auth", "/"],
    ["/authors", "/authors"],
    [`/${"a".repeat(2048)}`, "/"],
  ])("%j → %j", (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected);
  });
});

describe("loginPath", () => {
  it.each([
    ["/", "/auth/login"],
    ["/drills?x=1&y=2", "/auth/login?returnTo=%2Fdrills%3Fx%3D1%26y%3D2"],
    ["//evil.example", "/auth/login"],
  ])("%s → %s", (path, expected) => {
    expect(loginPath(path)).toBe(expected);
  });
});

describe("isSignInError", () => {
  it.each([
    ["failed", true],
    ["toString", false],
    ["<script>", false],
    [null, false],
  ])("%j → %s", (value, expected) => {
    expect(isSignInError(value)).toBe(expected);
  });
});
