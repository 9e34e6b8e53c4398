// What an authenticator may assert about a person, bounded before it is believed: the user name and the groups
// come from a proxy's headers or an IdP's claims and travel on to every cluster as Impersonate-User and one
// Impersonate-Group line per group, so each is checked here once. Pure.
import type { Identity } from "./identity";

/** More groups than this is refused, not cut: dropping one could drop the group a cluster's RBAC binds. */
export const MAX_GROUPS = 64;
export const MAX_NAME_CHARS = 256;

export type IdentityResult = { ok: true; identity: Identity } | { ok: false; message: string };

// Printable ASCII, no leading/trailing space: a name becomes an HTTP header value (Impersonate-User/-Group) on the
// way to the clusters. fetch refuses header values beyond Latin-1, and the API server would read Latin-1 bytes as
// (invalid) UTF-8, so a non-ASCII name could never match the RBAC binding that names it: refused with a reason.
const PRINTABLE = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

const acceptable = (name: string) => name.length <= MAX_NAME_CHARS && PRINTABLE.test(name);

/** The identity, groups deduplicated in first-seen order; or why it cannot be believed. */
export function boundedIdentity(user: string, groups: readonly string[]): IdentityResult {
  if (!acceptable(user)) return { ok: false, message: `The user name is empty, longer than ${MAX_NAME_CHARS} characters or not printable ASCII.` };
  if (user.startsWith("system:")) return { ok: false, message: "A user name may not start with \"system:\" (reserved for Kubernetes' own identities)." };
  const unique = [...new Set(groups)];
  if (unique.length > MAX_GROUPS) return { ok: false, message: `${unique.length} groups were asserted; the console accepts at most ${MAX_GROUPS}.` };
  const bad = unique.find((g) => !acceptable(g) || g.startsWith("system:"));
  if (bad !== undefined) return { ok: false, message: "A group name is empty, too long, not printable ASCII or reserved (\"system:\")." };
  return { ok: true, identity: { user, groups: unique } };
}
