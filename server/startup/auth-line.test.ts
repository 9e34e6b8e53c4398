import { describe, expect, it } from "vitest";
import { oidcTestSettings, proxyTestSettings, TEST_SESSION_SECRET } from "@/server/auth/test/settings-fixture";
import { authLine } from "./auth-line";

describe("authLine", () => {
  it.each([
    ["none", { mode: "none" } as const, "auth: none — loopback only, acting as the kubeconfig's own user (EASTWEST_AUTH_MODE=proxy or oidc signs people in)"],
    ["proxy", proxyTestSettings("10.0.0.0/8, 127.0.0.2"), "auth: proxy — x-forwarded-user and x-forwarded-groups believed only from 10.0.0.0/8, 127.0.0.2"],
    ["oidc", oidcTestSettings({ EASTWEST_OIDC_CLIENT_SECRET: "client-secret-value" }), "auth: oidc — http://127.0.0.1:1, confidential client eastwest-test, PKCE; sessions end after 8 h (http on loopback: cookies without Secure)"],
  ])("%s", (_name, settings, line) => {
    expect(authLine(settings)).toBe(line);
  });

  it("never prints a secret", () => {
    const line = authLine(oidcTestSettings({ EASTWEST_OIDC_CLIENT_SECRET: "client-secret-value" }));
    expect(line).not.toContain("client-secret-value");
    expect(line).not.toContain(TEST_SESSION_SECRET);
  });
});
