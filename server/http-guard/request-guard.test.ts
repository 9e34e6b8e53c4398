import { describe, expect, it } from "vitest";
import { guardRequest, isSameOrigin, type RequestFacts } from "./request-guard";

const ALLOWED = ["localhost", "127.0.0.1", "[::1]"];

/** What the console's own page sends for a tRPC mutation. */
const mutation: RequestFacts = {
  method: "POST",
  pathname: "/api/trpc/workspace.gatewayApply",
  host: "127.0.0.1:3102",
  origin: "http://127.0.0.1:3102",
  contentType: "application/json",
  mutationHeader: "1",
  fetchSite: "same-origin",
};
const page: RequestFacts = { ...mutation, method: "GET", pathname: "/", origin: null, contentType: null, mutationHeader: null, fetchSite: "none" };

type Case = [name: string, facts: Partial<RequestFacts>, expected: { ok: true } | { status: number; reason: string }];

describe("guardRequest: state-changing requests", () => {
  it.each<Case>([
    ["the console's own mutation", {}, { ok: true }],
    ["content type with charset", { contentType: "application/json; charset=utf-8" }, { ok: true }],
    ["no browser metadata (a script with the header and Origin)", { fetchSite: null }, { ok: true }],
    ["localhost on its own port", { host: "localhost:3000", origin: "http://localhost:3000" }, { ok: true }],
    ["https origin on the default port", { host: "localhost", origin: "https://localhost" }, { ok: true }],
    ["a rebinding host", { host: "rebind.attacker.example:3102", origin: "http://rebind.attacker.example:3102" }, { status: 421, reason: "host" }],
    ["no Host at all", { host: null }, { status: 421, reason: "host" }],
    ["a cross-site fetch", { fetchSite: "cross-site", origin: "https://evil.example" }, { status: 403, reason: "cross-site" }],
    // localhost:3000 and localhost:3102 are the same *site* but not the same origin.
    ["another local port's page", { fetchSite: "same-site", origin: "http://127.0.0.1:3000" }, { status: 403, reason: "cross-site" }],
    ["no custom header (a plain form)", { mutationHeader: null }, { status: 403, reason: "mutation-header" }],
    ["a wrong custom header value", { mutationHeader: "yes" }, { status: 403, reason: "mutation-header" }],
    ["no Origin", { origin: null, fetchSite: null }, { status: 403, reason: "origin" }],
    ["a cross-origin Origin", { origin: "https://evil.example", fetchSite: null }, { status: 403, reason: "origin" }],
    ["Origin null (sandboxed frame)", { origin: "null", fetchSite: null }, { status: 403, reason: "origin" }],
    ["Origin on another port", { origin: "http://127.0.0.1:3000", fetchSite: null }, { status: 403, reason: "origin" }],
    ["multipart form data", { contentType: "multipart/form-data; boundary=x" }, { status: 403, reason: "content-type" }],
    ["url-encoded form", { contentType: "application/x-www-form-urlencoded" }, { status: 403, reason: "content-type" }],
    ["text/plain (the no-preflight type)", { contentType: "text/plain" }, { status: 403, reason: "content-type" }],
    ["no content type", { contentType: null }, { status: 403, reason: "content-type" }],
    ["PUT is held to the same rules", { method: "PUT", mutationHeader: null }, { status: 403, reason: "mutation-header" }],
    ["lower-case method too", { method: "delete", mutationHeader: null }, { status: 403, reason: "mutation-header" }],
    ["a POST to a page (server action) too", { pathname: "/", mutationHeader: null }, { status: 403, reason: "mutation-header" }],
  ])("%s", (_name, facts, expected) => {
    const verdict = guardRequest({ ...mutation, ...facts }, ALLOWED);
    if ("ok" in expected) expect(verdict).toEqual({ ok: true });
    else expect(verdict).toMatchObject({ ok: false, ...expected });
  });
});

describe("guardRequest: reads", () => {
  it.each<Case>([
    ["a typed address", {}, { ok: true }],
    ["a page opened from a link on another site", { fetchSite: "cross-site" }, { ok: true }],
    ["a page through a rebinding name", { host: "rebind.attacker.example" }, { status: 421, reason: "host" }],
    ["the page's own query", { pathname: "/api/trpc/fleet.clusters", fetchSite: "same-origin" }, { ok: true }],
    ["a query from curl (no browser metadata)", { pathname: "/api/trpc/fleet.clusters", fetchSite: null }, { ok: true }],
    ["another site opening the event stream", { pathname: "/api/trpc/fleet.onChange", fetchSite: "cross-site" }, { status: 403, reason: "cross-site" }],
    ["HEAD is a read", { method: "HEAD" }, { ok: true }],
    ["OPTIONS is a read", { method: "OPTIONS", pathname: "/api/trpc/x", fetchSite: null }, { ok: true }],
  ])("%s", (_name, facts, expected) => {
    const verdict = guardRequest({ ...page, ...facts }, ALLOWED);
    if ("ok" in expected) expect(verdict).toEqual({ ok: true });
    else expect(verdict).toMatchObject({ ok: false, ...expected });
  });
});

describe("guardRequest: messages", () => {
  it("names the host and how to allow one", () => {
    const verdict = guardRequest({ ...page, host: "rebind.attacker.example:3102" }, ALLOWED);
    expect(verdict.ok ? "" : verdict.message).toBe(
      'This console does not answer for host "rebind.attacker.example:3102". Allowed hosts: localhost, 127.0.0.1, [::1] (EASTWEST_ALLOWED_HOSTS).',
    );
  });

  it("never echoes a huge value back", () => {
    const verdict = guardRequest({ ...mutation, origin: `http://${"a".repeat(100_000)}.example` , fetchSite: null }, ALLOWED);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? 0 : verdict.message.length).toBeLessThan(200);
  });
});

describe("isSameOrigin", () => {
  it.each([
    ["http://127.0.0.1:3102", "127.0.0.1:3102", true],
    ["http://[::1]:3000", "[::1]:3000", true],
    ["http://localhost", "localhost:80", true],
    ["https://localhost:443", "localhost", true],
    ["http://localhost", "localhost:443", false],
    ["HTTP://LOCALHOST:3000", "localhost:3000", true],
    ["ftp://localhost:3000", "localhost:3000", false],
    ["http://localhost:3000/path", "localhost:3000", false],
    ["http://user@localhost:3000", "localhost:3000", false],
    ["not a url", "localhost:3000", false],
    ["http://localhost:3000", null, false],
  ])("%s vs %s → %s", (origin, host, expected) => {
    expect(isSameOrigin(origin, host)).toBe(expected);
  });
});
