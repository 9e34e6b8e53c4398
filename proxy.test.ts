// The adapter between Next and the pure guard: what proxy.ts answers itself, and what it hands on to Next. Next
// learns the request headers a proxy sets through `x-middleware-request-*` response headers; the CSP it forwards
// must carry the same nonce as the CSP the browser receives, or Next's inline scripts would be blocked.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "./proxy";

const request = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(`http://127.0.0.1:3000${path}`, { method: init.method ?? "GET", headers: { host: "127.0.0.1:3000", ...init.headers } });

describe("proxy", () => {
  it("hands a page on to Next with the response's own CSP as a request header, nonce included", () => {
    const res = proxy(request("/"));
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/'nonce-[A-Za-z0-9+/]{22}=='/);
    expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(res.headers.get("x-middleware-next")).toBe("1");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("uses a fresh nonce per response", () => {
    const a = proxy(request("/")).headers.get("content-security-policy");
    const b = proxy(request("/")).headers.get("content-security-policy");
    expect(a).not.toBe(b);
  });

  it.each([
    ["a rebinding host", request("/", { headers: { host: "rebind.attacker.example:3000" } }), 421],
    ["a headerless POST", request("/api/trpc/workspace.gatewayApply", { method: "POST", headers: { origin: "http://127.0.0.1:3000", "content-type": "application/json" } }), 403],
  ])("answers %s itself, with the security headers and a sentence", async (_name, req, status) => {
    const res = proxy(req);
    expect(res.status).toBe(status);
    expect(res.headers.get("x-middleware-next")).toBeNull();
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(await res.text()).toMatch(/^[A-Z].*\.\n$/);
  });

  it("passes the console page's own mutation", () => {
    const res = proxy(
      request("/api/trpc/workspace.gatewayApply", {
        method: "POST",
        headers: { origin: "http://127.0.0.1:3000", "content-type": "application/json", "x-eastwest-csrf": "1", "sec-fetch-site": "same-origin" },
      }),
    );
    expect(res.headers.get("x-middleware-next")).toBe("1");
  });
});
