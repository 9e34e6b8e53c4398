// Where to go after signing in: only a path on this console. An absolute URL, a scheme-relative "//evil.example"
// or a backslash form browsers treat alike ("/\evil.example") would make the sign-in an open redirect. Pure.

const MAX_CHARS = 2048;

export function safeReturnTo(value: string | null | undefined): string {
  if (!value || value.length > MAX_CHARS) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (/[\x00-\x1f\x7f\\]/.test(value)) return "/";
  // Back to the sign-in pages would loop.
  if (value === "/auth" || value.startsWith("/auth/")) return "/";
  return value;
}

/** The sign-in URL that comes back to `pathAndQuery`. */
export const loginPath = (pathAndQuery: string) => {
  const target = safeReturnTo(pathAndQuery);
  return target === "/" ? "/auth/login" : `/auth/login?returnTo=${encodeURIComponent(target)}`;
};

/** Why a sign-in did not finish, as the signed-out page explains it (fixed sentences; nothing echoed). */
export const SIGN_IN_ERRORS = {
  "login-expired": "This sign-in cannot be finished: it was started more than 10 minutes ago or in another browser. Sign in again.",
  "provider-refused": "The sign-in provider did not sign you in (you may have cancelled, or it refused the console).",
  "provider-unreachable": "The sign-in provider cannot be reached right now. Try again in a moment.",
  failed: "Signing in failed: the provider's answer could not be verified. Sign in again.",
  "identity-refused": "Your identity provider's answer cannot be used by the console (see the console's log for which claim). Ask an administrator.",
} as const;
export type SignInError = keyof typeof SIGN_IN_ERRORS;
export const isSignInError = (value: string | null | undefined): value is SignInError => value != null && Object.hasOwn(SIGN_IN_ERRORS, value);
