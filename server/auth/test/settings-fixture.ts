// Auth settings for tests, parsed the way the console parses its environment (no hand-built shortcuts).
import { parseAuthSettings, type OidcSettings, type ProxySettings } from "../settings";

export const TEST_SESSION_SECRET = "test-session-secret-0123456789-abcdefghij";
export const TEST_ROLES = { groups: { ops: ["platform-owner"], devs: ["app-owner"] }, workspaces: { "tetrate/bookinfo": { groups: { "team-bookinfo": ["app-owner"] } } } };

const noFile = (): string => {
  throw new Error("no files in tests");
};

export function proxyTestSettings(trusted = "127.0.0.2/32"): ProxySettings {
  const parsed = parseAuthSettings({ EASTWEST_AUTH_MODE: "proxy", EASTWEST_PROXY_TRUSTED: trusted, EASTWEST_ROLES: JSON.stringify(TEST_ROLES) }, noFile);
  if (!parsed.ok || parsed.settings.mode !== "proxy") throw new Error(parsed.ok ? "not proxy" : parsed.message);
  return parsed.settings;
}

export function oidcTestSettings(env: Record<string, string> = {}): OidcSettings {
  const parsed = parseAuthSettings(
    {
      EASTWEST_AUTH_MODE: "oidc",
      EASTWEST_OIDC_ISSUER: "http://127.0.0.1:1",
      EASTWEST_OIDC_CLIENT_ID: "eastwest-test",
      EASTWEST_OIDC_REDIRECT_URI: "http://127.0.0.1:3999/auth/callback",
      EASTWEST_SESSION_SECRET: TEST_SESSION_SECRET,
      EASTWEST_ROLES: JSON.stringify(TEST_ROLES),
      ...env,
    },
    noFile,
  );
  if (!parsed.ok || parsed.settings.mode !== "oidc") throw new Error(parsed.ok ? "not oidc" : parsed.message);
  return parsed.settings;
}
