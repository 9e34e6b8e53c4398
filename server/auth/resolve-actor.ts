// Who is asking, from a request's headers alone, once per request (tRPC route, pages via proxy.ts and server
// components): mode none → no actor (the console's own credentials); proxy → the trusted proxy's headers; oidc →
// the sealed session cookie. Roles are mapped from the groups on every request, so a changed EASTWEST_ROLES
// applies at once and the cookie holds no roles to go stale.
import type { Actor, Identity } from "./identity";
import { peerAddress } from "./peer-stamp";
import { proxyIdentity } from "./proxy-identity";
import { isRevoked } from "./revoked-sessions";
import { rolesFor, type RolesConfig } from "./roles-config";
import { openSession } from "./session-cache";
import { cookieValue, sessionCookieName } from "./session-cookie";
import { sessionSecrets, type AuthSettings, type OidcSettings } from "./settings";

export type Unauthenticated = { ok: false; reason: "no-session" | "bad-session" | "proxy"; message: string };
/** `expiresAt` (ms since the epoch): when the person's session ends (mode oidc), for streams to end with it. */
export type ActorResult = { ok: true; actor: Actor | undefined; expiresAt?: number } | Unauthenticated;

export function actorOf(mode: Actor["mode"], identity: Identity, roles: RolesConfig, address: string | undefined): Actor {
  return { mode, identity, ...rolesFor(identity.groups, roles), address };
}

async function sessionActor(headers: Headers, settings: OidcSettings, now: number): Promise<ActorResult> {
  const seal = cookieValue(headers.get("cookie"), sessionCookieName(settings.secureCookies));
  if (!seal) return { ok: false, reason: "no-session", message: "Not signed in: sign in at /auth/login." };
  const session = await openSession(seal, sessionSecrets(settings), settings.session.maxAgeSeconds, now);
  if (!session.ok || isRevoked(session.data.sid, now)) {
    const why = session.ok ? "Your session was signed out" : session.reason === "expired" ? "Your session has expired" : "Your session cookie is not valid";
    return { ok: false, reason: "bad-session", message: `${why}; sign in again at /auth/login.` };
  }
  const peer = peerAddress(headers);
  const identity = { user: session.data.user, groups: session.data.groups };
  return { ok: true, actor: actorOf("oidc", identity, settings.roles, peer.ok ? peer.address : undefined), expiresAt: session.data.expiresAt };
}

export async function resolveActor(headers: Headers, settings: AuthSettings, now = Date.now()): Promise<ActorResult> {
  switch (settings.mode) {
    case "none":
      return { ok: true, actor: undefined };
    case "proxy": {
      const result = proxyIdentity(headers, peerAddress(headers), settings);
      if (!result.ok) return { ok: false, reason: "proxy", message: result.message };
      return { ok: true, actor: actorOf("proxy", result.identity, settings.roles, result.address) };
    }
    case "oidc":
      return sessionActor(headers, settings, now);
  }
}
