import { describe, expect, it, vi } from "vitest";
import { openSession } from "./session-cache";
import * as cookies from "./session-cookie";

const SECRET = "a-session-secret-of-forty-characters-0123";

describe("openSession", () => {
  it("unseals a cookie once, then answers from memory, still checking expiry", async () => {
    const now = Date.now();
    const seal = await cookies.sealSession({ v: 1, sid: "cache-test-session-1", user: "alice", groups: [], expiresAt: now + 1_000 }, SECRET, 3600);
    const unseal = vi.spyOn(cookies, "unsealSession");
    expect(await openSession(seal, SECRET, 3600, now)).toMatchObject({ ok: true, data: { user: "alice" } });
    expect(await openSession(seal, SECRET, 3600, now)).toMatchObject({ ok: true, data: { user: "alice" } });
    expect(unseal).toHaveBeenCalledTimes(1);
    expect(await openSession(seal, SECRET, 3600, now + 1_000)).toEqual({ ok: false, reason: "expired" });
    unseal.mockRestore();
  });

  it("never remembers a cookie it could not open", async () => {
    const now = Date.now();
    const seal = await cookies.sealSession({ v: 1, sid: "cache-test-session-2", user: "alice", groups: [], expiresAt: now + 60_000 }, SECRET, 3600);
    const forged = `${seal.slice(0, -12)}AAAAAAAAAA~2`;
    expect(await openSession(forged, SECRET, 3600, now)).toEqual({ ok: false, reason: "invalid" });
    expect(await openSession(forged, SECRET, 3600, now)).toEqual({ ok: false, reason: "invalid" });
  });

  it("answers from memory only for the secret that opened the seal", async () => {
    const now = Date.now();
    const seal = await cookies.sealSession({ v: 1, sid: "cache-test-session-3", user: "alice", groups: [], expiresAt: now + 60_000 }, SECRET, 3600);
    expect((await openSession(seal, SECRET, 3600, now)).ok).toBe(true);
    expect(await openSession(seal, "another-secret-also-forty-characters-98765", 3600, now)).toEqual({ ok: false, reason: "invalid" });
  });
});
