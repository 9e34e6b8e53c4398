import { beforeAll, describe, expect, it } from "vitest";
import { installPeerStamp, PEER_HEADER } from "./peer-stamp";
import { resolveActor } from "./resolve-actor";
import { sealSession, sessionCookieName } from "./session-cookie";
import { oidcTestSettings, proxyTestSettings, TEST_SESSION_SECRET } from "./test/settings-fixture";

// The stamp's subscription is what makes PEER_HEADER believable in this process; these tests set the header as the
// stamp would.
beforeAll(() => installPeerStamp());

const now = Date.now();
const oidc = oidcTestSettings();
const cookieName = sessionCookieName(false);

async function sessionCookie(expiresAt: number, secret = TEST_SESSION_SECRET, groups = ["team-bookinfo"]): Promise<string> {
  return `${cookieName}=${await sealSession({ v: 1, sid: "test-session-id-0001", user: "annie", groups, expiresAt }, secret, 3600)}`;
}

describe("resolveActor", () => {
  it("mode none: no actor (the console's own credentials)", async () => {
    expect(await resolveActor(new Headers(), { mode: "none" })).toEqual({ ok: true, actor: undefined });
  });

  it("mode proxy: a trusted peer's person, roles from groups, the proxy's address", async () => {
    const headers = new Headers({ [PEER_HEADER]: "127.0.0.2", "x-forwarded-user": "alice", "x-forwarded-groups": "ops" });
    expect(await resolveActor(headers, proxyTestSettings())).toEqual({
      ok: true,
      actor: { mode: "proxy", identity: { user: "alice", groups: ["ops"] }, roles: ["viewer", "platform-owner"], workspaceRoles: {}, address: "127.0.0.2" },
    });
  });

  it("mode proxy: the same headers from an untrusted peer are refused", async () => {
    const headers = new Headers({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-user": "alice", "x-forwarded-groups": "ops", "x-forwarded-for": "127.0.0.2" });
    expect(await resolveActor(headers, proxyTestSettings())).toMatchObject({ ok: false, reason: "proxy", message: expect.stringMatching(/came from 127.0.0.1/) });
  });

  it("mode oidc: a valid session cookie gives the person, with per-workspace roles", async () => {
    const headers = new Headers({ cookie: `other=1; ${await sessionCookie(now + 60_000)}`, [PEER_HEADER]: "::1" });
    expect(await resolveActor(headers, oidc, now)).toEqual({
      ok: true,
      actor: { mode: "oidc", identity: { user: "annie", groups: ["team-bookinfo"] }, roles: ["viewer"], workspaceRoles: { "tetrate/bookinfo": ["app-owner"] }, address: "::1" },
      expiresAt: now + 60_000,
    });
  });

  it.each<[string, () => Promise<string | undefined>, string, RegExp]>([
    ["no cookie", async () => undefined, "no-session", /Not signed in/],
    ["an expired session", () => sessionCookie(now - 1), "bad-session", /has expired/],
    ["a session sealed with another secret", () => sessionCookie(now + 60_000, "a-forged-secret-that-is-long-enough-0123456"), "bad-session", /not valid/],
    ["a tampered session", async () => (await sessionCookie(now + 60_000)).replace(/.{8}~2$/, "AAAAAAAA~2"), "bad-session", /not valid/],
    ["a Secure-named cookie on an http console", async () => `__Host-${(await sessionCookie(now + 60_000)).slice(0)}`, "no-session", /Not signed in/],
  ])("mode oidc: %s is refused", async (_name, cookie, reason, message) => {
    const value = await cookie();
    const headers = new Headers(value === undefined ? {} : { cookie: value });
    expect(await resolveActor(headers, oidc, now)).toMatchObject({ ok: false, reason, message: expect.stringMatching(message) });
  });
});
