import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { parseAuthSettings, type AuthSettingsResult } from "./settings";

const SECRET = "s3ssion-secret-for-tests-0123456789abcdef";
const OIDC = {
  EASTWEST_AUTH_MODE: "oidc",
  EASTWEST_OIDC_ISSUER: "https://idp.example.com/realms/x",
  EASTWEST_OIDC_CLIENT_ID: "eastwest",
  EASTWEST_OIDC_REDIRECT_URI: "https://console.example.com/auth/callback",
  EASTWEST_SESSION_SECRET: SECRET,
};
const noFile = (path: string): string => {
  throw new Error(`no ${path}`);
};
const parse = (env: Record<string, string | undefined>, readFile = noFile) => parseAuthSettings(env, readFile);
const message = (result: AuthSettingsResult) => (result.ok ? "" : result.message);

describe("parseAuthSettings", () => {
  it("defaults to mode none", () => {
    expect(parse({})).toEqual({ ok: true, settings: { mode: "none" } });
  });

  it("reads mode proxy with default header names", () => {
    const result = parse({ EASTWEST_AUTH_MODE: "proxy", EASTWEST_PROXY_TRUSTED: "10.0.0.7" });
    expect(result.ok && result.settings).toMatchObject({ mode: "proxy", userHeader: "x-forwarded-user", groupsHeader: "x-forwarded-groups" });
    expect(result.ok && result.settings.mode === "proxy" && result.settings.trusted.trusts("10.0.0.7")).toBe(true);
  });

  it("reads mode oidc: https → Secure cookies, defaults for claims and session age", () => {
    const result = parse(OIDC);
    expect(result.ok && result.settings).toMatchObject({ mode: "oidc", secureCookies: true, userClaim: "sub", groupsClaim: "groups", session: { maxAgeSeconds: 28_800 } });
  });

  it("allows http on loopback, without Secure", () => {
    const result = parse({ ...OIDC, EASTWEST_OIDC_ISSUER: "http://127.0.0.1:3106", EASTWEST_OIDC_REDIRECT_URI: "http://127.0.0.1:3104/auth/callback" });
    expect(result.ok && result.settings).toMatchObject({ secureCookies: false });
  });

  it.each<[string, Record<string, string | undefined>, RegExp]>([
    ["proxy without trusted peers", { EASTWEST_AUTH_MODE: "proxy" }, /EASTWEST_PROXY_TRUSTED must list/],
    ["proxy with one header for both", { EASTWEST_AUTH_MODE: "proxy", EASTWEST_PROXY_TRUSTED: "::1", EASTWEST_PROXY_GROUPS_HEADER: "X-Forwarded-User" }, /must differ/],
    ["a bad header name", { EASTWEST_AUTH_MODE: "proxy", EASTWEST_PROXY_TRUSTED: "::1", EASTWEST_PROXY_USER_HEADER: "x user" }, /HTTP header name/],
    ["oidc without an issuer", { ...OIDC, EASTWEST_OIDC_ISSUER: undefined }, /needs EASTWEST_OIDC_ISSUER/],
    ["oidc without a session secret", { ...OIDC, EASTWEST_SESSION_SECRET: undefined }, /EASTWEST_SESSION_SECRET must be set/],
    ["oidc with a short session secret", { ...OIDC, EASTWEST_SESSION_SECRET: "short-secret" }, /at least 32 characters long; it has 12/],
    ["oidc with a placeholder secret", { ...OIDC, EASTWEST_SESSION_SECRET: "x".repeat(40) }, /placeholder/],
    ["a previous secret equal to the current one", { ...OIDC, EASTWEST_SESSION_SECRET_PREVIOUS: SECRET }, /PREVIOUS is the same/],
    ["a short previous secret", { ...OIDC, EASTWEST_SESSION_SECRET_PREVIOUS: "short-old-secret" }, /EASTWEST_SESSION_SECRET_PREVIOUS must be at least 32/],
    ["oidc over http off loopback", { ...OIDC, EASTWEST_OIDC_REDIRECT_URI: "http://console.example.com/auth/callback" }, /must be https unless/],
    ["an http issuer off loopback", { ...OIDC, EASTWEST_OIDC_ISSUER: "http://idp.example.com" }, /ISSUER must be https/],
    ["scopes without openid", { ...OIDC, EASTWEST_OIDC_SCOPES: "profile" }, /must include openid/],
    ["a session age under 5 minutes", { ...OIDC, EASTWEST_SESSION_MAX_AGE_SECONDS: "60" }, /EASTWEST_SESSION_MAX_AGE_SECONDS/],
    ["roles that are not JSON", { ...OIDC, EASTWEST_ROLES: "{groups" }, /not valid JSON/],
    ["roles with an unknown role", { ...OIDC, EASTWEST_ROLES: '{"groups":{"a":["root"]}}' }, /EASTWEST_ROLES/],
    ["a roles file that cannot be read", { ...OIDC, EASTWEST_ROLES: "/etc/eastwest/roles.json" }, /cannot read the file/],
    ["an unknown mode", { EASTWEST_AUTH_MODE: "magic" }, /EASTWEST_AUTH_MODE/],
  ])("refuses %s with a sentence", (_name, env, expected) => {
    const result = parse(env);
    expect(result.ok).toBe(false);
    expect(message(result)).toMatch(expected);
  });

  it("never quotes the session secret, even when refusing it", () => {
    const short = "abcdefghijklmnopqrstuvw";
    expect(message(parse({ ...OIDC, EASTWEST_SESSION_SECRET: short }))).not.toContain(short);
  });

  it("keeps secrets out of JSON and console output", () => {
    const result = parse({ ...OIDC, EASTWEST_OIDC_CLIENT_SECRET: "client-secret-value" });
    if (!result.ok) throw new Error(result.message);
    const printed = `${JSON.stringify(result.settings)} ${inspect(result.settings, { depth: 5 })}`;
    expect(printed).not.toContain(SECRET);
    expect(printed).not.toContain("client-secret-value");
    expect(result.settings.mode === "oidc" && result.settings.session.secret.reveal()).toBe(SECRET);
  });

  it("reads roles from a file path", () => {
    const result = parse({ ...OIDC, EASTWEST_ROLES: "/etc/roles.json" }, (path) => (path === "/etc/roles.json" ? '{"groups":{"ops":["platform-owner"]}}' : noFile(path)));
    expect(result.ok && result.settings.mode === "oidc" && result.settings.roles.groups).toEqual({ ops: ["platform-owner"] });
  });
});
