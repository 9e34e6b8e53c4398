// How the two auth consoles are configured (env only, as an operator would) and started by playwright.config.ts:
// mode oidc on 3104 against the e2e provider (3106), mode proxy on 3105 trusting only 127.0.0.2, the address the
// specs' own reverse proxy connects from (e2e/support/auth-proxy.ts); both on the auth lab, writing in standalone.
import { labConsoleSettings } from "./console";
import { E2E_ROLES, E2E_SESSION_SECRET, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_CONSOLE_PORT, OIDC_ISSUER, OIDC_REDIRECT_URI } from "./oidc-accounts";
import { AUTH_LAB_KUBECONFIG, consoleLogPath } from "./oidc-lab";
import { standaloneCommand } from "./standalone";

export const PROXY_CONSOLE_PORT = 3105;
/** The only peer the proxy console believes: a loopback address the browser never connects from. */
export const TRUSTED_PROXY_ADDRESS = "127.0.0.2";

function common(): Record<string, string> {
  return { ...labConsoleSettings(AUTH_LAB_KUBECONFIG), EASTWEST_REGISTRY_MODE: "standalone", EASTWEST_ROLES: JSON.stringify(E2E_ROLES) };
}

export function oidcConsoleEnv(): Record<string, string> {
  return {
    ...common(),
    EASTWEST_AUTH_MODE: "oidc",
    EASTWEST_OIDC_ISSUER: OIDC_ISSUER,
    EASTWEST_OIDC_CLIENT_ID: OIDC_CLIENT_ID,
    EASTWEST_OIDC_CLIENT_SECRET: OIDC_CLIENT_SECRET,
    EASTWEST_OIDC_REDIRECT_URI: OIDC_REDIRECT_URI,
    EASTWEST_SESSION_SECRET: E2E_SESSION_SECRET,
  };
}

export function proxyConsoleEnv(): Record<string, string> {
  return { ...common(), EASTWEST_AUTH_MODE: "proxy", EASTWEST_PROXY_TRUSTED: `${TRUSTED_PROXY_ADDRESS}/32` };
}

/**
 * The standalone server (as the image runs it) with its output in a file the secrets canary reads (no secret in any log line); `exec` so the
 * console is the shell's own process and Playwright's stop reaches it.
 */
export function consoleCommand(port: number, mode: "oidc" | "proxy"): string {
  return `${standaloneCommand(port)} > ${consoleLogPath(mode)} 2>&1`;
}

export const OIDC_CONSOLE_URL = `http://127.0.0.1:${OIDC_CONSOLE_PORT}`;
export const PROXY_CONSOLE_URL = `http://127.0.0.1:${PROXY_CONSOLE_PORT}`;
