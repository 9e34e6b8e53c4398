// Opening a sealed session costs two PBKDF2 key derivations and an HMAC through WebCrypto's thread pool: about
// 0.2 ms at the median but milliseconds at p95 on a busy machine (npm run bench:auth), on every request of every
// signed-in browser. The same cookie string always opens to the same data, so the result of a successful unseal is
// remembered for that exact string; expiry (expiresAt) and revocation are still checked on every request by the
// caller. Tampered or foreign cookies are never remembered (each costs a full unseal), and the map is bounded
// (least recently used dropped first).
import { unsealSession, type SessionData, type SessionSecrets, type Unsealed } from "./session-cookie";

const KEY = Symbol.for("eastwest.auth.session-cache");
const MAX_ENTRIES = 1_024;
// The secrets are kept with the data: a seal is only answered from memory for the secrets that opened it.
type Entry = { data: SessionData; secrets: string };
type Holder = { [KEY]?: Map<string, Entry> };

function cache(): Map<string, Entry> {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= new Map());
}

export async function openSession(seal: string, secrets: SessionSecrets, ttlSeconds: number, now = Date.now()): Promise<Unsealed<SessionData>> {
  const known = cache();
  const hit = known.get(seal);
  const keys = [secrets].flat().join("\n");
  if (hit?.secrets === keys) {
    known.delete(seal);
    if (hit.data.expiresAt <= now) return { ok: false, reason: "expired" };
    known.set(seal, hit);
    return { ok: true, data: hit.data };
  }
  const opened = await unsealSession(seal, secrets, ttlSeconds, now);
  if (opened.ok) {
    known.set(seal, { data: opened.data, secrets: keys });
    const oldest = known.size > MAX_ENTRIES ? known.keys().next() : undefined;
    if (oldest && !oldest.done) known.delete(oldest.value);
  }
  return opened;
}
