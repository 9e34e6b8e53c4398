// The authentication settings (EASTWEST_AUTH_MODE and what each mode needs), parsed with zod once at start-up by
// server/env.ts. A missing or unsafe value fails start-up with a sentence naming the variable; no value (and
// never a secret) is echoed back.
import { z } from "zod";
// Relative: env.ts (and so this file) is also loaded by scripts run outside the project (npm run demo from a temp dir).
import { isLoopbackHost } from "../startup/loopback";
import { AUTH_MODES } from "./identity";
import { DEFAULT_ROLES, rolesConfigSchema, type RolesConfig } from "./roles-config";
import { secret, type Secret } from "./secret";
import { parseTrustedPeers, type TrustedPeers } from "./trusted-peers";

export const MIN_SESSION_SECRET_CHARS = 32;

const headerName = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: "must be an HTTP header name" });

const rawSchema = z.object({
  EASTWEST_AUTH_MODE: z.enum(AUTH_MODES).default("none"),
  EASTWEST_PROXY_TRUSTED: z.string().optional(),
  EASTWEST_PROXY_USER_HEADER: headerName.default("x-forwarded-user"),
  EASTWEST_PROXY_GROUPS_HEADER: headerName.default("x-forwarded-groups"),
  EASTWEST_OIDC_ISSUER: z.url({ protocol: /^https?$/, error: "must be the provider's http(s) issuer URL" }).optional(),
  EASTWEST_OIDC_CLIENT_ID: z.string().trim().min(1).max(256).optional(),
  EASTWEST_OIDC_CLIENT_SECRET: z.string().min(1).max(1024).optional(),
  EASTWEST_OIDC_TOKEN_AUTH: z.enum(["client_secret_post", "client_secret_basic"]).default("client_secret_post"),
  EASTWEST_OIDC_REDIRECT_URI: z.url({ protocol: /^https?$/, error: "must be the console's http(s) /auth/callback URL" }).optional(),
  EASTWEST_OIDC_SCOPES: z.string().trim().regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/).default("openid profile email"),
  EASTWEST_OIDC_USER_CLAIM: z.string().trim().min(1).max(64).default("sub"),
  EASTWEST_OIDC_GROUPS_CLAIM: z.string().trim().min(1).max(64).default("groups"),
  EASTWEST_SESSION_SECRET: z.string().optional(),
  EASTWEST_SESSION_SECRET_PREVIOUS: z.string().optional(),
  EASTWEST_SESSION_MAX_AGE_SECONDS: z.coerce.number().int().min(300).max(7 * 24 * 3600).default(8 * 3600),
  EASTWEST_ROLES: z.string().optional(),
});
type Raw = z.infer<typeof rawSchema>;

export type ProxySettings = { mode: "proxy"; trusted: TrustedPeers; userHeader: string; groupsHeader: string; roles: RolesConfig };
export type OidcSettings = {
  mode: "oidc";
  issuer: string;
  clientId: string;
  clientSecret: Secret | undefined;
  tokenAuth: "client_secret_post" | "client_secret_basic";
  redirectUri: string;
  /** Cookies get Secure (and the __Host- prefix) unless the console is served over http on loopback. */
  secureCookies: boolean;
  scopes: string;
  userClaim: string;
  groupsClaim: string;
  /** `previous`: the secret being rotated out; cookies sealed with it still open until they expire. */
  session: { secret: Secret; previous: Secret | undefined; maxAgeSeconds: number };
  roles: RolesConfig;
};
export type AuthSettings = { mode: "none" } | ProxySettings | OidcSettings;
export type AuthSettingsResult = { ok: true; settings: AuthSettings } | { ok: false; message: string };

const fail = (message: string): AuthSettingsResult => ({ ok: false, message });

/** EASTWEST_ROLES: inline JSON (starts with "{") or the path of a JSON file; unset: DEFAULT_ROLES. */
function parseRoles(value: string | undefined, readFile: (path: string) => string): { ok: true; roles: RolesConfig } | { ok: false; message: string } {
  if (value === undefined || value.trim() === "") return { ok: true, roles: DEFAULT_ROLES };
  let text = value.trim();
  if (!text.startsWith("{")) {
    try {
      text = readFile(text);
    } catch {
      return { ok: false, message: `EASTWEST_ROLES: cannot read the file "${text.slice(0, 120)}".` };
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: "EASTWEST_ROLES is not valid JSON." };
  }
  const parsed = rolesConfigSchema.safeParse(json);
  return parsed.success ? { ok: true, roles: parsed.data } : { ok: false, message: `EASTWEST_ROLES:\n${z.prettifyError(parsed.error)}` };
}

/** Long, and not a placeholder: a guessable key would let anyone seal a session cookie for any user. */
export function sessionSecretProblem(value: string | undefined, name = "EASTWEST_SESSION_SECRET"): string | undefined {
  if (value === undefined || value.length === 0) return `${name} must be set in mode oidc (generate one: openssl rand -base64 48).`;
  if (value.length < MIN_SESSION_SECRET_CHARS) return `${name} must be at least ${MIN_SESSION_SECRET_CHARS} characters long; it has ${value.length}.`;
  if (new Set(value).size < 10) return `${name} looks like a placeholder (fewer than 10 distinct characters); generate one: openssl rand -base64 48.`;
  return undefined;
}

function previousSecretProblem(raw: Raw): string | undefined {
  const previous = raw.EASTWEST_SESSION_SECRET_PREVIOUS;
  if (previous === undefined || previous === "") return undefined;
  if (previous === raw.EASTWEST_SESSION_SECRET) return "EASTWEST_SESSION_SECRET_PREVIOUS is the same as EASTWEST_SESSION_SECRET; unset it or give the old secret.";
  return sessionSecretProblem(previous, "EASTWEST_SESSION_SECRET_PREVIOUS");
}

/** The secrets that open a session cookie: the current one (which seals) first, then the one being rotated out. */
export function sessionSecrets(settings: OidcSettings): string[] {
  return [settings.session.secret.reveal(), ...(settings.session.previous ? [settings.session.previous.reveal()] : [])];
}

function proxySettings(raw: Raw, roles: RolesConfig): AuthSettingsResult {
  const trusted = parseTrustedPeers(raw.EASTWEST_PROXY_TRUSTED ?? "");
  if (!trusted.ok) return fail(trusted.message);
  if (raw.EASTWEST_PROXY_USER_HEADER === raw.EASTWEST_PROXY_GROUPS_HEADER) return fail("EASTWEST_PROXY_USER_HEADER and EASTWEST_PROXY_GROUPS_HEADER must differ.");
  return { ok: true, settings: { mode: "proxy", trusted: trusted.peers, userHeader: raw.EASTWEST_PROXY_USER_HEADER, groupsHeader: raw.EASTWEST_PROXY_GROUPS_HEADER, roles } };
}

function oidcSettings(raw: Raw, roles: RolesConfig): AuthSettingsResult {
  const { EASTWEST_OIDC_ISSUER: issuer, EASTWEST_OIDC_CLIENT_ID: clientId, EASTWEST_OIDC_REDIRECT_URI: redirectUri } = raw;
  if (!issuer || !clientId || !redirectUri) return fail("Mode oidc needs EASTWEST_OIDC_ISSUER, EASTWEST_OIDC_CLIENT_ID and EASTWEST_OIDC_REDIRECT_URI.");
  const problem = sessionSecretProblem(raw.EASTWEST_SESSION_SECRET) ?? previousSecretProblem(raw);
  if (problem) return fail(problem);
  const redirect = new URL(redirectUri);
  const loopback = isLoopbackHost(redirect.hostname);
  if (redirect.protocol === "http:" && !loopback) return fail("EASTWEST_OIDC_REDIRECT_URI must be https unless it is a loopback address: session cookies may not travel in clear text.");
  const issuerUrl = new URL(issuer);
  if (issuerUrl.protocol === "http:" && !isLoopbackHost(issuerUrl.hostname)) return fail("EASTWEST_OIDC_ISSUER must be https unless it is a loopback address.");
  if (!raw.EASTWEST_OIDC_SCOPES.split(" ").includes("openid")) return fail("EASTWEST_OIDC_SCOPES must include openid.");
  return {
    ok: true,
    settings: {
      mode: "oidc",
      issuer,
      clientId,
      clientSecret: raw.EASTWEST_OIDC_CLIENT_SECRET === undefined ? undefined : secret(raw.EASTWEST_OIDC_CLIENT_SECRET),
      tokenAuth: raw.EASTWEST_OIDC_TOKEN_AUTH,
      redirectUri,
      secureCookies: redirect.protocol === "https:",
      scopes: raw.EASTWEST_OIDC_SCOPES,
      userClaim: raw.EASTWEST_OIDC_USER_CLAIM,
      groupsClaim: raw.EASTWEST_OIDC_GROUPS_CLAIM,
      session: {
        secret: secret(raw.EASTWEST_SESSION_SECRET ?? ""),
        previous: raw.EASTWEST_SESSION_SECRET_PREVIOUS ? secret(raw.EASTWEST_SESSION_SECRET_PREVIOUS) : undefined,
        maxAgeSeconds: raw.EASTWEST_SESSION_MAX_AGE_SECONDS,
      },
      roles,
    },
  };
}

export function parseAuthSettings(env: Record<string, string | undefined>, readFile: (path: string) => string): AuthSettingsResult {
  const parsed = rawSchema.safeParse(env);
  if (!parsed.success) return fail(z.prettifyError(parsed.error));
  const raw = parsed.data;
  if (raw.EASTWEST_AUTH_MODE === "none") return { ok: true, settings: { mode: "none" } };
  const roles = parseRoles(raw.EASTWEST_ROLES, readFile);
  if (!roles.ok) return fail(roles.message);
  return raw.EASTWEST_AUTH_MODE === "proxy" ? proxySettings(raw, roles.roles) : oidcSettings(raw, roles.roles);
}
