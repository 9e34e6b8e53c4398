// Mode oidc's client side of the authorization code flow, all token handling by openid-client (discovery, PKCE
// S256, state, nonce, the code exchange, ID token signature/issuer/audience/expiry/nonce checks). This module only
// chooses the parameters and turns the verified claims into an Identity.
import * as oidc from "openid-client";
import { isLoopbackHost } from "../startup/loopback";
import { boundedIdentity, type IdentityResult } from "./identity-bounds";
import type { OidcSettings } from "./settings";

// One discovery per process and provider, shared by the login and callback routes and the start-up check. Those
// are separate Next bundles, each with its own copy of openid-client, which recognises its Configuration objects
// with instanceof: so only the discovered metadata (plain data) is shared on globalThis, and each module graph
// builds its own Configuration from it. A failed discovery is not kept: the next sign-in tries again.
const METADATA = Symbol.for("eastwest.auth.oidc-metadata");
type Holder = { [METADATA]?: Map<string, Promise<oidc.ServerMetadata>> };
const configurations = new Map<string, oidc.Configuration>();
const DISCOVERY_TIMEOUT_SECONDS = 10;

function clientAuth(settings: OidcSettings): oidc.ClientAuth {
  if (!settings.clientSecret) return oidc.None();
  const value = settings.clientSecret.reveal();
  return settings.tokenAuth === "client_secret_basic" ? oidc.ClientSecretBasic(value) : oidc.ClientSecretPost(value);
}

// openid-client refuses plain http; settings.ts allows it only for a provider on loopback (tests, demos).
function insecure(settings: OidcSettings): boolean {
  const issuer = new URL(settings.issuer);
  return issuer.protocol === "http:" && isLoopbackHost(issuer.hostname);
}

/** The provider's discovery document, fetched once per process (plain data, safe to share between bundles). */
export function providerMetadata(settings: OidcSettings): Promise<oidc.ServerMetadata> {
  const cache = ((globalThis as Holder)[METADATA] ??= new Map());
  const cached = cache.get(settings.issuer);
  if (cached) return cached;
  const pending = oidc
    .discovery(new URL(settings.issuer), settings.clientId, undefined, oidc.None(), { timeout: DISCOVERY_TIMEOUT_SECONDS, ...(insecure(settings) ? { execute: [oidc.allowInsecureRequests] } : {}) })
    .then((config) => ({ ...config.serverMetadata() }));
  cache.set(settings.issuer, pending);
  pending.catch(() => cache.delete(settings.issuer));
  return pending;
}

export async function oidcConfiguration(settings: OidcSettings): Promise<oidc.Configuration> {
  const key = `${settings.issuer} ${settings.clientId} ${settings.tokenAuth}`;
  const known = configurations.get(key);
  if (known) return known;
  const config = new oidc.Configuration(await providerMetadata(settings), settings.clientId, undefined, clientAuth(settings));
  if (insecure(settings)) oidc.allowInsecureRequests(config);
  configurations.set(key, config);
  return config;
}

export type LoginStart = { url: URL; state: string; nonce: string; codeVerifier: string };

/** Where to send the browser, and the checks the callback must find again (kept in the sealed login cookie). */
export async function startAuthorization(settings: OidcSettings): Promise<LoginStart> {
  const config = await oidcConfiguration(settings);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: settings.redirectUri,
    scope: settings.scopes,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { url, state, nonce, codeVerifier };
}

type Claims = Record<string, unknown>;

function groupsFrom(claims: Claims, claim: string): string[] | undefined | "bad" {
  const value = claims[claim];
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((g) => typeof g === "string")) return value;
  return "bad";
}

/**
 * The code exchange for the callback's query. The URL given to openid-client is the configured redirect URI with
 * the callback's parameters: the token request must repeat the redirect_uri of the authorization request exactly,
 * whatever host or scheme the request reached the console with (a TLS-terminating proxy in front).
 */
export async function finishAuthorization(settings: OidcSettings, query: URLSearchParams, checks: { state: string; nonce: string; codeVerifier: string }): Promise<IdentityResult> {
  const config = await oidcConfiguration(settings);
  const current = new URL(settings.redirectUri);
  current.search = query.toString();
  const tokens = await oidc.authorizationCodeGrant(config, current, { pkceCodeVerifier: checks.codeVerifier, expectedState: checks.state, expectedNonce: checks.nonce, idTokenExpected: true });
  const claims: Claims = tokens.claims() ?? {};
  let groups = groupsFrom(claims, settings.groupsClaim);
  // Some providers put groups only in userinfo (or only with a scope): ask there when the ID token has none.
  if (groups === undefined && config.serverMetadata().userinfo_endpoint && typeof claims.sub === "string") {
    groups = groupsFrom(await oidc.fetchUserInfo(config, tokens.access_token, claims.sub), settings.groupsClaim);
  }
  if (groups === "bad") return { ok: false, message: `The provider's "${settings.groupsClaim}" claim is not a list of names.` };
  const user = claims[settings.userClaim];
  if (typeof user !== "string") return { ok: false, message: `The provider's ID token has no "${settings.userClaim}" claim (EASTWEST_OIDC_USER_CLAIM).` };
  return boundedIdentity(user, groups ?? []);
}
