// The people of the e2e OpenID provider (scripts/e2e-oidc-provider.ts) and how the auth consoles map their groups
// to roles (EASTWEST_ROLES). Shared by the provider and the specs, so both speak of the same alice.

export const OIDC_PORT = 3106;
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const OIDC_CLIENT_ID = "eastwest-console-e2e";
/** A confidential client's secret: one of the values the secrets canary looks for in every page and log. */
export const OIDC_CLIENT_SECRET = "e2e-client-secret-3f9a1c7be24d4e0c9d8f6a5b";
export const OIDC_CONSOLE_PORT = 3104;
export const OIDC_REDIRECT_URI = `http://127.0.0.1:${OIDC_CONSOLE_PORT}/auth/callback`;

/** The session secret the oidc console is given (≥ 32 characters); the canary checks it never leaves the server. */
export const E2E_SESSION_SECRET = "e2e-session-secret-7c1d9e04b8a24f6fb3e5a2d9c0417e6b";

export type OidcAccount = { login: string; password: string; name: string; groups: string[] };

/**
 * - alice: platform owner in the console, and bound to the lab's platform-owner ClusterRole (e2e/support/oidc-lab.ts);
 * - victor: viewer only;
 * - annie: app owner (the lab's demo RBAC lets eastwest:app-owners scale and drill in bookinfo);
 * - pat: platform owner in the console, but no cluster grants the group anything beyond `view`: the cluster's RBAC
 *   refuses pat's writes although the console's role allows them (impersonation gives the clusters the last word).
 */
export const OIDC_ACCOUNTS: readonly OidcAccount[] = [
  { login: "alice", password: "alice-e2e-pass-41c7", name: "Alice Platform", groups: ["eastwest:platform-owners"] },
  { login: "victor", password: "victor-e2e-pass-9d2e", name: "Victor Viewer", groups: ["eastwest:viewers"] },
  { login: "annie", password: "annie-e2e-pass-5b08", name: "Annie App", groups: ["eastwest:app-owners"] },
  { login: "pat", password: "pat-e2e-pass-e613", name: "Pat Unbound", groups: ["eastwest:gateway-admins", "eastwest:viewers"] },
];

export function oidcAccount(login: string): OidcAccount {
  const account = OIDC_ACCOUNTS.find((a) => a.login === login);
  if (!account) throw new Error(`no e2e OIDC account "${login}"`);
  return account;
}

/** Group → console roles for both auth consoles (EASTWEST_ROLES, JSON). */
export const E2E_ROLES = {
  groups: {
    "eastwest:viewers": ["viewer"],
    "eastwest:app-owners": ["viewer", "app-owner"],
    "eastwest:platform-owners": ["viewer", "platform-owner"],
    "eastwest:gateway-admins": ["viewer", "platform-owner"],
  },
};
