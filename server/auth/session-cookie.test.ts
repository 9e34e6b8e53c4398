import { describe, expect, it } from "vitest";
import { cookieValue, sealSession, unsealSession, type SessionData } from "./session-cookie";

const SECRET = "a-session-secret-of-forty-characters-0123";
const OTHER = "another-secret-also-forty-characters-98765";
const data = (expiresAt: number): SessionData => ({ v: 1, sid: "test-session-id-0001", user: "alice", groups: ["ops"], expiresAt });

describe("session cookie", () => {
  const now = Date.now();

  it("opens what it sealed", async () => {
    const seal = await sealSession(data(now + 60_000), SECRET, 3600);
    expect(await unsealSession(seal, SECRET, 3600, now)).toEqual({ ok: true, data: data(now + 60_000) });
  });

  it("says expired when expiresAt has passed, though the seal is intact", async () => {
    const seal = await sealSession(data(now - 1), SECRET, 3600);
    expect(await unsealSession(seal, SECRET, 3600, now)).toEqual({ ok: false, reason: "expired" });
  });

  it.each<[string, (seal: string) => string, string]>([
    ["one character changed", (s) => s.slice(0, 40) + (s[40] === "A" ? "B" : "A") + s.slice(41), SECRET],
    ["cut short", (s) => s.slice(0, s.length - 10), SECRET],
    ["sealed with another secret", (s) => s, OTHER],
    ["garbage", () => "Fe26.2**garbage", SECRET],
    ["empty", () => "", SECRET],
  ])("refuses a cookie %s", async (_name, change, secret) => {
    const seal = change(await sealSession(data(now + 60_000), SECRET, 3600));
    expect(await unsealSession(seal, secret, 3600, now)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses sealed data of another shape (e.g. a login cookie replayed as a session)", async () => {
    const { sealData } = await import("iron-session");
    const seal = await sealData({ v: 1, sid: "test-session-id-0001", user: "alice", groups: [], expiresAt: now + 60_000, admin: true }, { password: SECRET, ttl: 3600 });
    expect(await unsealSession(seal, SECRET, 3600, now)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("rotating the session secret", () => {
  const now = Date.now();

  it("a cookie sealed with the old secret opens while it is listed as previous, and not after", async () => {
    const old = await sealSession(data(now + 60_000), OTHER, 3600);
    expect(await unsealSession(old, [SECRET, OTHER], 3600, now)).toMatchObject({ ok: true });
    expect(await unsealSession(old, [SECRET], 3600, now)).toEqual({ ok: false, reason: "invalid" });
  });

  it("seals with the current secret (the first)", async () => {
    const fresh = await sealSession(data(now + 60_000), [SECRET, OTHER], 3600);
    expect(await unsealSession(fresh, SECRET, 3600, now)).toMatchObject({ ok: true });
    expect(await unsealSession(fresh, OTHER, 3600, now)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("cookieValue", () => {
  it.each<[string | null, string | undefined]>([
    [null, undefined],
    ["", undefined],
    ["eastwest-session=abc", "abc"],
    ["a=1; eastwest-session=abc==; b=2", "abc=="],
    ["xeastwest-session=no", undefined],
    ["eastwest-session=first; eastwest-session=second", "first"],
  ])("%j → %j", (header, expected) => {
    expect(cookieValue(header, "eastwest-session")).toBe(expected);
  });
});
