// The authorization code flow against a real OpenID provider (oidc-provider 9 on loopback): /auth/login sends the
// browser off with PKCE S256, state and nonce; the provider signs alice in; /auth/callback exchanges the code
// through openid-client, and the session cookie it sets makes alice the request's actor. Then what must fail:
// a changed state, a replayed code, a callback without the login cookie, a provider error.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resolveActor } from "./resolve-actor";
import { signIn, signInCallback } from "./sign-in";
import { signOut } from "./sign-out";
import { FIXTURE_ACCOUNTS, FIXTURE_CLIENT_ID, FIXTURE_CLIENT_SECRET, FIXTURE_REDIRECT_URI, startFixtureProvider, type FixtureProvider } from "./test/oidc-provider-fixture";
import { oidcTestSettings } from "./test/settings-fixture";
import type { OidcSettings } from "./settings";

let idp: FixtureProvider;
let settings: OidcSettings;
const logged: string[] = [];

beforeAll(async () => {
  idp = await startFixtureProvider();
  settings = oidcTestSettings({
    EASTWEST_OIDC_ISSUER: idp.issuer,
    EASTWEST_OIDC_CLIENT_ID: FIXTURE_CLIENT_ID,
    EASTWEST_OIDC_CLIENT_SECRET: FIXTURE_CLIENT_SECRET,
    EASTWEST_OIDC_REDIRECT_URI: FIXTURE_REDIRECT_URI,
    EASTWEST_OIDC_SCOPES: "openid profile",
  });
  vi.spyOn(console, "log").mockImplementation((line: unknown) => void logged.push(String(line)));
});

afterAll(async () => {
  vi.restoreAllMocks();
  await idp?.close();
});

/** The provider's cookies, kept across its redirects (paths ignored: it is the only site here). */
class Jar {
  private readonly values = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      this.values.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  }
  header(): string {
    return [...this.values].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** What the browser does at the provider: follow it to the sign-in step, sign in, follow it back to the console. */
async function atProvider(authorizationUrl: string, login: string): Promise<string> {
  const jar = new Jar();
  let res = await fetch(authorizationUrl, { redirect: "manual" });
  jar.take(res);
  const interaction = new URL(res.headers.get("location") ?? "", idp.issuer);
  const password = FIXTURE_ACCOUNTS[login]?.password ?? "";
  res = await fetch(interaction, { method: "POST", redirect: "manual", headers: { cookie: jar.header(), "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ login, password }) });
  jar.take(res);
  let location = new URL(res.headers.get("location") ?? "", idp.issuer);
  for (let hops = 0; hops < 5 && location.origin === idp.issuer; hops++) {
    res = await fetch(location, { redirect: "manual", headers: { cookie: jar.header() } });
    jar.take(res);
    location = new URL(res.headers.get("location") ?? "", idp.issuer);
  }
  return location.href;
}

const cookiesOf = (res: Response) => Object.fromEntries(res.headers.getSetCookie().map((line) => [line.split("=")[0], line]));
const cookiePair = (line: string | undefined) => (line ?? "").split(";")[0] ?? "";

async function startLogin(returnTo = "/drills") {
  const res = await signIn(new Request(`http://127.0.0.1:3999/auth/login?returnTo=${encodeURIComponent(returnTo)}`, { headers: { host: "127.0.0.1:3999" } }), settings);
  return { res, authorization: new URL(res.headers.get("location") ?? ""), loginCookie: cookiePair(cookiesOf(res)["eastwest-login"]) };
}

describe("signing in with a real OpenID provider", () => {
  it("login → provider → callback gives a session whose person is alice, with her roles", async () => {
    const { res, authorization, loginCookie } = await startLogin();
    expect(res.status).toBe(303);
    expect(authorization.origin).toBe(idp.issuer);
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({ client_id: FIXTURE_CLIENT_ID, response_type: "code", code_challenge_method: "S256", redirect_uri: FIXTURE_REDIRECT_URI });
    expect(authorization.searchParams.get("state")).toBeTruthy();
    expect(authorization.searchParams.get("nonce")).toBeTruthy();
    expect(cookiesOf(res)["eastwest-login"]).toMatch(/HttpOnly/i);

    const back = await atProvider(authorization.href, "alice");
    expect(back.startsWith(`${FIXTURE_REDIRECT_URI}?code=`)).toBe(true);
    const done = await signInCallback(new Request(back, { headers: { cookie: loginCookie } }), settings);
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/drills");
    const set = cookiesOf(done);
    expect(set["eastwest-session"]).toMatch(/HttpOnly/i);
    expect(set["eastwest-session"]).toMatch(/SameSite=lax/i);
    expect(set["eastwest-login"]).toMatch(/Max-Age=0/);

    const actor = await resolveActor(new Headers({ cookie: cookiePair(set["eastwest-session"]) }), settings);
    expect(actor).toMatchObject({ ok: true, actor: { mode: "oidc", identity: { user: "alice", groups: ["ops"] }, roles: ["viewer", "platform-owner"] } });
    // Who signed in is logged; the code and the cookies are not.
    const code = new URL(back).searchParams.get("code") ?? "";
    expect(logged.some((line) => line.includes('"event":"auth.signed-in"') && line.includes('"user":"alice"'))).toBe(true);
    expect(logged.join("\n")).not.toContain(code);
    expect(logged.join("\n")).not.toContain(cookiePair(set["eastwest-session"]).split("=")[1]);
  });

  it("refuses a callback whose state was changed, and sets no session", async () => {
    const { authorization, loginCookie } = await startLogin();
    const back = new URL(await atProvider(authorization.href, "victor"));
    back.searchParams.set("state", "an-attackers-state-value-000000");
    const done = await signInCallback(new Request(back, { headers: { cookie: loginCookie } }), settings);
    expect(done.headers.get("location")).toBe("/auth/signed-out?error=failed");
    expect(cookiesOf(done)["eastwest-session"]).toBeUndefined();
  });

  it("refuses a code used twice", async () => {
    const { authorization, loginCookie } = await startLogin();
    const back = await atProvider(authorization.href, "victor");
    const first = await signInCallback(new Request(back, { headers: { cookie: loginCookie } }), settings);
    expect(cookiesOf(first)["eastwest-session"]).toBeDefined();
    const again = await signInCallback(new Request(back, { headers: { cookie: loginCookie } }), settings);
    expect(again.headers.get("location")).toBe("/auth/signed-out?error=failed");
    expect(cookiesOf(again)["eastwest-session"]).toBeUndefined();
  });

  it("refuses a callback without the login cookie (started in another browser)", async () => {
    const { authorization } = await startLogin();
    const back = await atProvider(authorization.href, "victor");
    const done = await signInCallback(new Request(back), settings);
    expect(done.headers.get("location")).toBe("/auth/signed-out?error=login-expired");
    expect(cookiesOf(done)["eastwest-session"]).toBeUndefined();
  });

  it("says the provider refused when it answers with an error", async () => {
    const { loginCookie } = await startLogin();
    const done = await signInCallback(new Request(`${FIXTURE_REDIRECT_URI}?error=access_denied&state=x`, { headers: { cookie: loginCookie } }), settings);
    expect(done.headers.get("location")).toBe("/auth/signed-out?error=provider-refused");
  });

  it("sends a browser that came by another name of the console to the redirect URI's origin first", async () => {
    const res = await signIn(new Request("http://localhost:3999/auth/login?returnTo=%2Fdrills", { headers: { host: "localhost:3999" } }), settings);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("http://127.0.0.1:3999/auth/login?returnTo=%2Fdrills");
    expect(cookiesOf(res)["eastwest-login"]).toBeUndefined();
  });

  it("keeps returnTo on this console", async () => {
    const { res } = await startLogin("https://evil.example/");
    const login = cookiePair(cookiesOf(res)["eastwest-login"]);
    const back = await atProvider(new URL(res.headers.get("location") ?? "").href, "victor");
    const done = await signInCallback(new Request(back, { headers: { cookie: login } }), settings);
    expect(done.headers.get("location")).toBe("/");
  });

  it("logout deletes the cookie and ends the session: a copy taken before is refused afterwards", async () => {
    const { authorization, loginCookie } = await startLogin();
    const done = await signInCallback(new Request(await atProvider(authorization.href, "alice"), { headers: { cookie: loginCookie } }), settings);
    const session = cookiePair(cookiesOf(done)["eastwest-session"]);
    expect(await resolveActor(new Headers({ cookie: session }), settings)).toMatchObject({ ok: true });

    const res = await signOut(new Request("http://127.0.0.1:3999/auth/logout", { method: "POST", headers: { cookie: session } }), settings);
    expect(await res.json()).toEqual({ location: "/auth/signed-out" });
    expect(cookiesOf(res)["eastwest-session"]).toMatch(/Max-Age=0/);
    expect(await resolveActor(new Headers({ cookie: session }), settings)).toMatchObject({ ok: false, reason: "bad-session", message: expect.stringMatching(/signed out/) });
  });
});
