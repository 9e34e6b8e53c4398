// The adapter between Next and the pure guard: what proxy.ts answers itself, and what it hands on to Next. Next
// learns the request headers a proxy sets through `x-middleware-request-*` response headers; the CSP it forwards
// must carry the same nonce as the CSP the browser receives, or Next's inline scripts would be blocked.
import { readdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { installPeerStamp, PEER_HEADER } from "./server/auth/peer-stamp";
import { sealSession } from "./server/auth/session-cookie";
import { TEST_SESSION_SECRET } from "./server/auth/test/settings-fixture";
import { proxy } from "./proxy";

const request = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(`http://127.0.0.1:3000${path}`, { method: init.method ?? "GET", headers: { host: "127.0.0.1:3000", ...init.headers } });

describe("proxy", () => {
  it("hands a page on to Next with the response's own CSP as a request header, nonce included", async () => {
    const res = await proxy(request("/"));
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/'nonce-[A-Za-z0-9+/]{22}=='/);
    expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(res.headers.get("x-middleware-next")).toBe("1");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("uses a fresh nonce per response", async () => {
    const a = (await proxy(request("/"))).headers.get("content-security-policy");
    const b = (await proxy(request("/"))).headers.get("content-security-policy");
    expect(a).not.toBe(b);
  });

  it.each([
    ["a rebinding host", request("/", { headers: { host: "rebind.attacker.example:3000" } }), 421],
    ["a headerless POST", request("/api/trpc/workspace.gatewayApply", { method: "POST", headers: { origin: "http://127.0.0.1:3000", "content-type": "application/json" } }), 403],
  ])("answers %s itself, with the security headers and a sentence", async (_name, req, status) => {
    const res = await proxy(req);
    expect(res.status).toBe(status);
    expect(res.headers.get("x-middleware-next")).toBeNull();
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(await res.text()).toMatch(/^[A-Z].*\.\n$/);
  });

  it("passes the console page's own mutation", async () => {
    const res = await proxy(
      request("/api/trpc/workspace.gatewayApply", {
        method: "POST",
        headers: { origin: "http://127.0.0.1:3000", "content-type": "application/json", "x-eastwest-csrf": "1", "sec-fetch-site": "same-origin" },
      }),
    );
    expect(res.headers.get("x-middleware-next")).toBe("1");
  });
});

// With authentication: the environment is the console's own (process.env), parsed afresh per mode.
installPeerStamp();
const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

async function proxyWith(env: Record<string, string>) {
  process.env = { ...saved, ...env };
  vi.resetModules();
  return (await import("./proxy")).proxy;
}

const OIDC = {
  EASTWEST_AUTH_MODE: "oidc",
  EASTWEST_OIDC_ISSUER: "http://127.0.0.1:1",
  EASTWEST_OIDC_CLIENT_ID: "eastwest-test",
  EASTWEST_OIDC_REDIRECT_URI: "http://127.0.0.1:3000/auth/callback",
  EASTWEST_SESSION_SECRET: TEST_SESSION_SECRET,
};

describe("proxy in mode oidc", () => {
  it("sends a page request without a session to the sign-in, coming back to the page", async () => {
    const res = await (await proxyWith(OIDC))(request("/workspaces/tetrate/bookinfo?tab=drills"));
    expect(res.status).toBe(303);
    // Absolute (Next's proxy adapter refuses a relative Location), on the redirect URI's origin.
    expect(res.headers.get("location")).toBe("http://127.0.0.1:3000/auth/login?returnTo=%2Fworkspaces%2Ftetrate%2Fbookinfo%3Ftab%3Ddrills");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-middleware-next")).toBeNull();
  });

  it("sends a page request with an expired session to the sign-in", async () => {
    const expired = await sealSession({ v: 1, sid: "test-session-id-0001", user: "alice", groups: [], expiresAt: Date.now() - 1 }, TEST_SESSION_SECRET, 3600);
    const res = await (await proxyWith(OIDC))(request("/", { headers: { cookie: `eastwest-session=${expired}` } }));
    expect(res.status).toBe(303);
  });

  it("answers 401 to another API path without a session", async () => {
    const res = await (await proxyWith(OIDC))(request("/api/metrics"));
    expect(res.status).toBe(401);
    expect(await res.text()).toMatch(/^Not signed in/);
  });

  it.each(["/auth/login", "/auth/callback", "/auth/signed-out", "/api/trpc/auth.me", "/favicon.svg"])("lets %s through (it answers for itself)", async (path) => {
    const res = await (await proxyWith(OIDC))(request(path));
    expect(res.headers.get("x-middleware-next")).toBe("1");
  });

  it("lets a page through with a valid session", async () => {
    const valid = await sealSession({ v: 1, sid: "test-session-id-0001", user: "alice", groups: [], expiresAt: Date.now() + 60_000 }, TEST_SESSION_SECRET, 3600);
    const res = await (await proxyWith(OIDC))(request("/", { headers: { cookie: `eastwest-session=${valid}` } }));
    expect(res.headers.get("x-middleware-next")).toBe("1");
  });

  it("still refuses a logout POST without the mutation header (another site cannot sign people out)", async () => {
    const res = await (await proxyWith(OIDC))(request("/auth/logout", { method: "POST", headers: { origin: "http://127.0.0.1:3000", "content-type": "application/json" } }));
    expect(res.status).toBe(403);
  });
});

describe("the kubelet's probes", () => {
  it.each(["/healthz", "/readyz"])("%s passes from a pod-IP Host without a session, with the security headers", async (path) => {
    const res = await (await proxyWith(OIDC))(new NextRequest(`http://10.1.2.3:3000${path}`, { headers: { host: "10.1.2.3:3000" } }));
    expect(res.headers.get("x-middleware-next")).toBe("1");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("does not open anything else to such a Host", async () => {
    const res = await (await proxyWith(OIDC))(new NextRequest("http://10.1.2.3:3000/readyz/../", { headers: { host: "10.1.2.3:3000" } }));
    expect(res.status).toBe(421);
  });
});

describe("proxy in mode proxy", () => {
  const PROXY = { EASTWEST_AUTH_MODE: "proxy", EASTWEST_PROXY_TRUSTED: "127.0.0.2/32" };
  const identity = { "x-forwarded-user": "alice", "x-forwarded-groups": "eastwest:platform-owners" };

  it("answers 401 to a page whose identity headers come from an untrusted peer, even claiming the proxy's address", async () => {
    const res = await (await proxyWith(PROXY))(request("/", { headers: { ...identity, [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "127.0.0.2" } }));
    expect(res.status).toBe(401);
    expect(await res.text()).toMatch(/did not come through the authenticating proxy/);
  });

  it("lets the trusted proxy's request through", async () => {
    const res = await (await proxyWith(PROXY))(request("/", { headers: { ...identity, [PEER_HEADER]: "127.0.0.2" } }));
    expect(res.headers.get("x-middleware-next")).toBe("1");
  });
});

// Every page and route the app has, found on disk: in mode oidc, without a session, each is sent to the sign-in or
// refused, except the few that are open on purpose. A route added later is covered without touching this test.
describe("every route of the app, in mode oidc without a session", () => {
  const appDir = fileURLToPath(new URL("./app/", import.meta.url));
  const routes = readdirSync(appDir, { recursive: true, encoding: "utf8" })
    .filter((file) => /(^|\/)(page\.tsx|route\.ts)$/.test(file))
    .map((file) => `/${dirname(file)}`.replace(/\/\.$/, "").replace(/\[\[?\.{0,3}([^\]]+)\]?\]/g, "$1-x") || "/");
  // /auth/logout is open too: a POST behind the mutation guard, ending only the session its own cookie names.
  const OPEN = new Set(["/auth/login", "/auth/callback", "/auth/logout", "/auth/signed-out", "/healthz", "/readyz"]);

  it("finds the app's routes", () => {
    expect(routes).toEqual(expect.arrayContaining(["/", "/drills", "/api/trpc/trpc-x", "/api/metrics", "/auth/login", "/workspaces/name-x"]));
  });

  it("answers each one by sign-in (page), 401 (API) or lets it answer for itself (open ones, the tRPC route)", async () => {
    const gate = await proxyWith(OIDC);
    const outcomes: Record<string, string> = {};
    for (const path of routes) {
      const res = await gate(request(path));
      outcomes[path] = res.headers.get("x-middleware-next") === "1" ? "passed" : `${res.status}`;
    }
    const expected = Object.fromEntries(
      routes.map((path) => [path, OPEN.has(path) || path.startsWith("/api/trpc/") ? "passed" : path.startsWith("/api/") ? "401" : "303"]),
    );
    expect(outcomes).toEqual(expected);
  });
});
