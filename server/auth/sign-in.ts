// GET /auth/login and GET /auth/callback (mode oidc): the authorization code flow with PKCE. The login route
// keeps state, nonce and the code verifier in a sealed, HttpOnly, 10-minute cookie (SameSite=Lax, so the
// provider's top-level redirect back brings it); the callback checks them through openid-client, seals the person
// into the session cookie and deletes the login cookie, so a code or a state can be used once.
import { finishAuthorization, startAuthorization } from "./oidc-client";
import { authLog, plain, redirectTo, setCookie } from "./auth-responses";
import { peerAddress } from "./peer-stamp";
import { loginPath, safeReturnTo, type SignInError } from "./return-to";
import { cookieValue, LOGIN_TTL_SECONDS, loginCookieName, newSessionId, sealLoginState, sealSession, sessionCookieName, unsealLoginState } from "./session-cookie";
import { sessionSecrets, type AuthSettings, type OidcSettings } from "./settings";

const notUsed = (settings: AuthSettings) => plain(404, `Sign-in is not used here: EASTWEST_AUTH_MODE is ${settings.mode}.`);
const failedPage = (error: SignInError) => redirectTo(`/auth/signed-out?error=${error}`);

/** A short, safe reason for the log: the library's message names the failed check (state, nonce, issuer, …). */
const reasonOf = (error: unknown) => String((error as { message?: unknown } | undefined)?.message ?? "unknown").slice(0, 200);

export async function signIn(request: Request, settings: AuthSettings, now = Date.now()) {
  if (settings.mode !== "oidc") return notUsed(settings);
  const returnTo = safeReturnTo(new URL(request.url).searchParams.get("returnTo"));
  // The login cookie must live on the origin the provider returns to: a browser that came by another name of this
  // console (localhost for 127.0.0.1, an internal host) starts again there first.
  const canonical = new URL(settings.redirectUri);
  if (request.headers.get("host")?.toLowerCase() !== canonical.host) return redirectTo(new URL(loginPath(returnTo), canonical).href);
  let start;
  try {
    start = await startAuthorization(settings);
  } catch (error) {
    authLog("sign-in-failed", { reason: `discovery: ${reasonOf(error)}` });
    return failedPage("provider-unreachable");
  }
  const { url, ...checks } = start;
  const seal = await sealLoginState({ v: 1, ...checks, returnTo, expiresAt: now + LOGIN_TTL_SECONDS * 1000 }, settings.session.secret.reveal());
  const res = redirectTo(url.href);
  setCookie(res, settings, loginCookieName(settings.secureCookies), seal, LOGIN_TTL_SECONDS);
  return res;
}

async function finish(request: Request, settings: OidcSettings, now: number) {
  const seal = cookieValue(request.headers.get("cookie"), loginCookieName(settings.secureCookies));
  const login = seal ? await unsealLoginState(seal, sessionSecrets(settings), now) : undefined;
  if (!login?.ok) return failedPage("login-expired");
  const query = new URL(request.url).searchParams;
  if (query.has("error")) {
    authLog("sign-in-failed", { reason: `provider: ${(query.get("error") ?? "").replace(/[^a-z_]/g, "").slice(0, 40)}` });
    return failedPage("provider-refused");
  }
  let identity;
  try {
    identity = await finishAuthorization(settings, query, login.data);
  } catch (error) {
    authLog("sign-in-failed", { reason: reasonOf(error) });
    return failedPage("failed");
  }
  const peer = peerAddress(request.headers);
  if (!identity.ok) {
    authLog("sign-in-failed", { reason: identity.message, from: peer.ok ? peer.address : undefined });
    return failedPage("identity-refused");
  }
  const { user, groups } = identity.identity;
  const maxAge = settings.session.maxAgeSeconds;
  const session = await sealSession({ v: 1, sid: newSessionId(), user, groups: [...groups], expiresAt: now + maxAge * 1000 }, settings.session.secret.reveal(), maxAge);
  authLog("signed-in", { user, groups: groups.length, from: peer.ok ? peer.address : undefined });
  return { session, returnTo: login.data.returnTo };
}

export async function signInCallback(request: Request, settings: AuthSettings, now = Date.now()) {
  if (settings.mode !== "oidc") return notUsed(settings);
  const done = await finish(request, settings, now);
  // Whatever happened, the login cookie is spent.
  const res = "session" in done ? redirectTo(done.returnTo) : done;
  setCookie(res, settings, loginCookieName(settings.secureCookies), "", 0);
  if ("session" in done) setCookie(res, settings, sessionCookieName(settings.secureCookies), done.session, settings.session.maxAgeSeconds);
  return res;
}
