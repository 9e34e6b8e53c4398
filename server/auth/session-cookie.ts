// The session cookie's content and sealing (iron-session: AES-256-CBC + HMAC-SHA-256 with a key derived from
// EASTWEST_SESSION_SECRET, so the browser can neither read nor change it). Kept free of "server-only" so the e2e
// specs can seal an expired or foreign cookie the way the console does. The expiry is checked twice: iron's ttl
// (the seal's own timestamp) and expiresAt inside, which the console compares with its clock.
import { createHash, randomBytes } from "node:crypto";
import { sealData, unsealData } from "iron-session";
import { z } from "zod";
import { MAX_GROUPS, MAX_NAME_CHARS } from "./identity-bounds";

/** `__Host-` makes browsers refuse the cookie unless it is Secure, host-only and Path=/: no subdomain can plant one. */
export const sessionCookieName = (secure: boolean) => (secure ? "__Host-eastwest-session" : "eastwest-session");
/** The short-lived cookie that carries state, nonce and the PKCE verifier from /auth/login to /auth/callback. */
export const loginCookieName = (secure: boolean) => (secure ? "__Host-eastwest-login" : "eastwest-login");
export const LOGIN_TTL_SECONDS = 600;

const name = z.string().min(1).max(MAX_NAME_CHARS);
/** `sid`: a random id, so "Sign out" can end this session before expiresAt (revoked-sessions.ts). */
export const sessionDataSchema = z
  .object({ v: z.literal(1), sid: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/), user: name, groups: z.array(name).max(MAX_GROUPS), expiresAt: z.number().int().positive() })
  .strict();
export type SessionData = z.infer<typeof sessionDataSchema>;

export const loginStateSchema = z
  .object({ v: z.literal(1), state: z.string().min(16).max(200), nonce: z.string().min(16).max(200), codeVerifier: z.string().min(43).max(128), returnTo: z.string().max(2048), expiresAt: z.number().int().positive() })
  .strict();
export type LoginState = z.infer<typeof loginStateSchema>;

export const newSessionId = () => randomBytes(16).toString("base64url");

export type Unsealed<T> = { ok: true; data: T } | { ok: false; reason: "invalid" | "expired" };

/**
 * iron finds the key of a seal by the number written in it. The number is derived from the secret itself, so a
 * secret keeps its number when it becomes EASTWEST_SESSION_SECRET_PREVIOUS, and cookies sealed with it still open
 * during a rotation. (The 32 bits of a hash of a ≥ 32-character secret say nothing usable about it.)
 */
export const passwordId = (secret: string): string => String(Number.parseInt(createHash("sha256").update(secret).digest("hex").slice(0, 8), 16));
const sealingKey = (secret: string) => ({ [passwordId(secret)]: secret });
/** The current secret first, then the previous one (if rotating): any of them opens a seal. */
export type SessionSecrets = string | readonly string[];
const openingKeys = (secrets: SessionSecrets) => Object.fromEntries([secrets].flat().map((s) => [passwordId(s), s]));

/** Sealed with the current secret (the first, when a list is given). */
export async function sealSession(data: SessionData, secrets: SessionSecrets, ttlSeconds: number): Promise<string> {
  return sealData(data, { password: sealingKey([secrets].flat()[0] ?? ""), ttl: ttlSeconds });
}

export async function sealLoginState(data: LoginState, secrets: SessionSecrets): Promise<string> {
  return sealData(data, { password: sealingKey([secrets].flat()[0] ?? ""), ttl: LOGIN_TTL_SECONDS });
}

/** iron answers {} for a seal it cannot open (tampered, other secret, expired): all of those are "invalid". */
async function unseal<T extends { expiresAt: number }>(seal: string, secrets: SessionSecrets, ttlSeconds: number, schema: z.ZodType<T>, now: number): Promise<Unsealed<T>> {
  let raw: unknown;
  try {
    raw = await unsealData(seal, { password: openingKeys(secrets), ttl: ttlSeconds });
  } catch {
    return { ok: false, reason: "invalid" };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  return parsed.data.expiresAt <= now ? { ok: false, reason: "expired" } : { ok: true, data: parsed.data };
}

export const unsealSession = (seal: string, secrets: SessionSecrets, ttlSeconds: number, now = Date.now()) => unseal(seal, secrets, ttlSeconds, sessionDataSchema, now);
export const unsealLoginState = (seal: string, secrets: SessionSecrets, now = Date.now()) => unseal(seal, secrets, LOGIN_TTL_SECONDS, loginStateSchema, now);

/** One cookie's value from a Cookie header (RFC 6265 "name=value; name=value"); the first one wins, as browsers order them. */
export function cookieValue(header: string | null, cookieName: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === cookieName) return part.slice(eq + 1).trim();
  }
  return undefined;
}
