import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, securityHeaders } from "./security-headers";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => { const [name = "", ...values] = d.split(" "); return [name, values]; }));

describe("contentSecurityPolicy", () => {
  it("production: scripts by nonce only, never eval or inline, and no framing", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc", dev: false }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    // A nonce in style-src would make browsers ignore 'unsafe-inline' and block React's style attributes.
    expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("development adds eval for React's debugging aids and the hot-reload socket", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc", dev: true }));
    expect(csp.get("script-src")).toContain("'unsafe-eval'");
    expect(csp.get("connect-src")).toContain("ws:");
  });
});

describe("securityHeaders", () => {
  it("carries the CSP and the fixed headers", () => {
    expect(securityHeaders({ nonce: "n", dev: false })).toMatchObject({
      "Content-Security-Policy": expect.stringContaining("'nonce-n'"),
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "no-referrer",
    });
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, different each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
