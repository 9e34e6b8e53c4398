// Sessions ended by "Sign out" before their expiry. The session cookie is sealed, not looked up, so without this
// a copy of it taken before logout would stay valid until expiresAt. Kept in this process's memory (globalThis:
// the logout route, the tRPC route and proxy.ts are separate bundles), each entry only until the session would
// have expired anyway. With several console replicas, a logout ends the session on the replica that served it;
// the others accept a copied cookie until it expires (docs/auth.md: keep EASTWEST_SESSION_MAX_AGE_SECONDS short).

const KEY = Symbol.for("eastwest.auth.revoked-sessions");
type Holder = { [KEY]?: Map<string, number> };
// Logouts are rare; the cap only keeps a flood of them from growing memory without end (oldest dropped first).
const MAX_ENTRIES = 100_000;

function store(): Map<string, number> {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= new Map());
}

export function revokeSession(sid: string, expiresAt: number, now = Date.now()): void {
  const revoked = store();
  for (const [id, until] of revoked) if (until <= now) revoked.delete(id);
  revoked.set(sid, expiresAt);
  while (revoked.size > MAX_ENTRIES) {
    const oldest = revoked.keys().next();
    if (oldest.done) break;
    revoked.delete(oldest.value);
  }
}

export function isRevoked(sid: string, now = Date.now()): boolean {
  const until = store().get(sid);
  return until !== undefined && until > now;
}
