// Who a request to a cluster acts as. With an identity (modes proxy and oidc) the console's writes carry it as
// impersonation headers, so the cluster's own RBAC decides, with the person's name in its audit log and the
// console's field manager in managedFields; without one (mode none) the console acts as its kubeconfig user.
//
// Kubernetes semantics relied on (k8s.io/apiserver filters/impersonation.go):
// - `Impersonate-User` names the user; each `Impersonate-Group` header LINE is one group (the API server reads
//   `req.Header[...]` values, never splitting a line on commas: "a,b" is one group named "a,b").
// - The requester (the console's own credentials) needs `impersonate` on users and on every group named, or the
//   request is a 403 before any object is touched.
// - The impersonated user gets exactly the groups asked for plus system:authenticated: groups the IdP did not
//   assert are never added, so a person never gains a group by going through the console.
import { z } from "zod";
import type { Actor } from "@/server/auth/identity";

export type Impersonation = { user: string; groups: readonly string[] };

/** Header names as the API server spells them (HTTP header names are case-insensitive). */
export const IMPERSONATE_USER = "Impersonate-User";
export const IMPERSONATE_GROUP = "Impersonate-Group";

// Control characters would end or split a header line (header injection); node refuses them, we refuse first
// and say why. Bounded like Kubernetes names are in practice. The `system:` prefix is the API server's own
// (system:masters bypasses RBAC, system:nodes, service accounts): the console may impersonate any user or group
// (deploy/rbac), so an identity claiming one — a misconfigured IdP or proxy — is refused, never carried.
const headerText = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^[^\u0000-\u001f\u007f]+$/, "control characters cannot travel in an HTTP header")
  .refine((text) => !text.toLowerCase().startsWith("system:"), "names beginning with system: are reserved for the API server and are never impersonated");
const impersonationSchema = z.object({ user: headerText, groups: z.array(headerText).max(512) });

/**
 * The impersonation a request made for `actor` carries: its identity, or none (mode none, or no actor at all:
 * the console's own work such as the registry and the drill runner).
 */
export function impersonationOf(actor: Actor | undefined): Impersonation | undefined {
  if (!actor || actor.mode === "none" || !actor.identity) return undefined;
  return { user: actor.identity.user, groups: actor.identity.groups };
}

/** Why this identity cannot be sent as headers (a sentence), or undefined when it can. */
export function impersonationProblem(who: Impersonation): string | undefined {
  const parsed = impersonationSchema.safeParse(who);
  if (parsed.success) return undefined;
  return `The identity ${JSON.stringify(who.user.slice(0, 64))} cannot be carried to the cluster: ${parsed.error.issues[0]?.message ?? "invalid"}.`;
}

/**
 * HTTP carries header values as bytes; node writes a string's characters as Latin-1 bytes. The API server (Go)
 * reads those bytes as UTF-8, so a non-ASCII name is sent as its UTF-8 bytes, one Latin-1 character each.
 */
const wire = (text: string) => Buffer.from(text, "utf8").toString("latin1");

/** The header lines: the user, then one line per distinct group, in the order the identity gave them. */
export function impersonationHeaders(who: Impersonation): [string, string][] {
  const groups = [...new Set(who.groups)];
  return [[IMPERSONATE_USER, wire(who.user)], ...groups.map((g): [string, string] => [IMPERSONATE_GROUP, wire(g)])];
}
