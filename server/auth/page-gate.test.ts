import { describe, expect, it } from "vitest";
import { answersItself, gateDecision, isOpenPath, isProbe, type GateDecision } from "./page-gate";
import type { ActorResult } from "./resolve-actor";

const nobody: ActorResult = { ok: false, reason: "no-session", message: "Not signed in: sign in at /auth/login." };
const someone: ActorResult = { ok: true, actor: { mode: "oidc", identity: { user: "a", groups: [] }, roles: ["viewer"], workspaceRoles: {}, address: undefined } };
const req = (method: string, pathname: string, search = "") => ({ method, pathname, search });

describe("gateDecision", () => {
  it.each<[string, ReturnType<typeof req>, "none" | "proxy" | "oidc", ActorResult, GateDecision]>([
    ["mode none passes everything", req("GET", "/"), "none", nobody, { kind: "pass" }],
    ["a signed-in person passes", req("POST", "/api/metrics"), "oidc", someone, { kind: "pass" }],
    ["oidc: a page goes to the sign-in, coming back to it", req("GET", "/drills", "?tab=x"), "oidc", nobody, { kind: "redirect", location: "/auth/login?returnTo=%2Fdrills%3Ftab%3Dx" }],
    ["oidc: the overview goes to the plain sign-in", req("GET", "/"), "oidc", nobody, { kind: "redirect", location: "/auth/login" }],
    ["oidc: an API path gets 401", req("GET", "/api/metrics"), "oidc", nobody, { kind: "refuse", status: 401, message: nobody.ok ? "" : nobody.message }],
    ["oidc: a POST to a page gets 401", req("POST", "/"), "oidc", nobody, { kind: "refuse", status: 401, message: nobody.ok ? "" : nobody.message }],
    ["proxy: a page gets 401", req("GET", "/"), "proxy", nobody, { kind: "refuse", status: 401, message: nobody.ok ? "" : nobody.message }],
  ])("%s", (_name, request, mode, resolved, expected) => {
    expect(gateDecision(request, mode, resolved)).toEqual(expected);
  });
});

describe("open paths", () => {
  it.each([
    ["/auth/login", true],
    ["/auth/callback", true],
    ["/_next/image", true],
    ["/favicon.svg", true],
    ["/authx", false],
    ["/", false],
    ["/api/metrics", false],
  ])("%s open: %s", (path, open) => {
    expect(isOpenPath(path)).toBe(open);
  });

  it.each([
    ["/api/trpc/auth.me", true],
    ["/api/trpc", true],
    ["/api/trpcx", false],
  ])("%s answered by the tRPC route: %s", (path, expected) => {
    expect(answersItself(path)).toBe(expected);
  });
});

describe("isProbe", () => {
  it.each([
    ["GET", "/healthz", true],
    ["HEAD", "/readyz", true],
    ["POST", "/readyz", false],
    ["GET", "/readyz/x", false],
    ["GET", "/healthzz", false],
  ])("%s %s → %s", (method, path, expected) => {
    expect(isProbe(method, path)).toBe(expected);
  });
});
