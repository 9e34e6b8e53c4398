// Who is acting: the contract between authentication (server/auth), the role gate (server/trpc.ts), impersonation
// and audit (server/kube, server/audit) and the UI (auth.me). Pure types and constants; no I/O.

/**
 * What a person may do in the console. Roles are capabilities, not a ladder: an app owner runs and aborts drills, a
 * platform owner deploys gateways and changes exposure; either may also look (every signed-in person is a viewer).
 * The clusters' RBAC still has the last word on every write (impersonation).
 */
export const ROLES = ["viewer", "app-owner", "platform-owner"] as const;
export type Role = (typeof ROLES)[number];

/** How the console learned who this is. `none`: loopback only, the console's own kubeconfig user, no impersonation. */
export const AUTH_MODES = ["none", "proxy", "oidc"] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

/** A person as the authenticator asserted them; groups as the IdP or proxy sent them (bounded, deduplicated). */
export type Identity = { user: string; groups: readonly string[] };

/**
 * One request's actor: who (absent in mode `none`: the console acts with its own credentials and impersonates
 * nobody), their roles (global, and per workspace "<namespace>/<name>"), and the peer address the request came from
 * (for audit "from where"; the proxy's address in mode proxy).
 */
export type Actor = {
  mode: AuthMode;
  identity: Identity | undefined;
  roles: readonly Role[];
  workspaceRoles: Readonly<Record<string, readonly Role[]>>;
  address: string | undefined;
};

/** What the browser is told about the signed-in person (auth.me). Never a token, a cookie or a secret. */
export type Me = {
  mode: AuthMode;
  /** Undefined in mode none ("this machine's kubeconfig user"). */
  user: string | undefined;
  groups: readonly string[];
  roles: readonly Role[];
  workspaceRoles: Readonly<Record<string, readonly Role[]>>;
  /** Where "Sign out" posts to; undefined when there is no session to end (modes none and proxy). */
  logoutPath: string | undefined;
};
