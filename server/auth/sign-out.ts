// POST /auth/logout: ends the console's session (the cookie is deleted; the sealed cookie carries no server
// state to revoke, so a copy taken before logout stays valid until its expiresAt: keep sessions short). It is a
// POST behind the mutation guard (proxy.ts: custom header, same Origin, JSON), so another site cannot sign a
// person out, and it answers JSON with where to go next, for the header's fetch to follow.
import { authLog, json, plain, setCookie } from "./auth-responses";
import { resolveActor } from "./resolve-actor";
import { sessionCookieName } from "./session-cookie";
import type { AuthSettings } from "./settings";

export const SIGNED_OUT_PATH = "/auth/signed-out";

export async function signOut(request: Request, settings: AuthSettings) {
  if (settings.mode !== "oidc") return plain(404, `There is no session to end: EASTWEST_AUTH_MODE is ${settings.mode}.`);
  const who = await resolveActor(request.headers, settings);
  const res = json({ location: SIGNED_OUT_PATH });
  setCookie(res, settings, sessionCookieName(settings.secureCookies), "", 0);
  if (who.ok && who.actor?.identity) authLog("signed-out", { user: who.actor.identity.user, from: who.actor.address });
  return res;
}
