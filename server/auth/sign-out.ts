// POST /auth/logout: ends the console's session: the cookie is deleted and its id revoked (revoked-sessions.ts),
// so a copy of the cookie is refused from now on by this console process. It is a POST behind the mutation guard
// (proxy.ts: custom header, same Origin, JSON), so another site cannot sign a person out, and it answers JSON
// with where to go next, for the header's fetch to follow.
import { authLog, json, plain, setCookie } from "./auth-responses";
import { peerAddress } from "./peer-stamp";
import { revokeSession } from "./revoked-sessions";
import { cookieValue, sessionCookieName, unsealSession } from "./session-cookie";
import { sessionSecrets, type AuthSettings } from "./settings";

export const SIGNED_OUT_PATH = "/auth/signed-out";

export async function signOut(request: Request, settings: AuthSettings, now = Date.now()) {
  if (settings.mode !== "oidc") return plain(404, `There is no session to end: EASTWEST_AUTH_MODE is ${settings.mode}.`);
  const name = sessionCookieName(settings.secureCookies);
  const seal = cookieValue(request.headers.get("cookie"), name);
  const session = seal ? await unsealSession(seal, sessionSecrets(settings), settings.session.maxAgeSeconds, now) : undefined;
  if (session?.ok) {
    revokeSession(session.data.sid, session.data.expiresAt, now);
    const peer = peerAddress(request.headers);
    authLog("signed-out", { user: session.data.user, from: peer.ok ? peer.address : undefined });
  }
  const res = json({ location: SIGNED_OUT_PATH });
  setCookie(res, settings, name, "", 0);
  return res;
}
