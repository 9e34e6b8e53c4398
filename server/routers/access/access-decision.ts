// The role gate's decision, without I/O: may this actor run a procedure that needs `role`, for what the input
// names (a workspace, or a namespace of a cluster, or nothing: the whole fleet)? Roles are capabilities, not a
// ladder (server/auth/identity.ts): a platform owner is not thereby an app owner. A role held globally counts
// everywhere; one held in a workspace ("<namespace>/<name>" of its Workspace object) counts for that workspace and,
// for a drill, for the namespaces that workspace spans, and reaches only the clusters the workspace spans (a
// workspace's platform owner deploys gateways in its clusters, not in any cluster of the fleet). This gate is the console's rule only: each cluster's RBAC
// still decides the write itself (impersonation), so passing here never means the cluster will accept it.
import { someOf, truncated } from "@/lib/validation/bounded-text";
import { ROLES, type Actor, type Role } from "@/server/auth/identity";

/** What the input names, for the per-workspace check. */
export type AccessScope =
  | { kind: "fleet" }
  | { kind: "workspace"; workspace: string; targets?: ClusterTargets }
  | { kind: "namespace"; cluster: string; namespace: string };

/** The clusters a workspace request writes to, and the input field naming them ("clusters" or "cluster"). */
export type ClusterTargets = { field: string; names: readonly string[] };

/** A procedure's rule: the role it needs and what it does, in words for the refusal ("deploying gateways"). */
export type AccessRule = { role: Role; action: string };

export type AccessDecision =
  | { ok: true }
  | { ok: false; status: "unauthenticated"; message: string }
  | { ok: false; status: "forbidden"; field: string; message: string };

/**
 * The workspace keys the scope concerns (its workspace, or the workspaces spanning its namespace), among
 * `candidates`, and which of the scope's target clusters that workspace does not span.
 */
export type ScopeGrant = { keys: readonly string[]; outside: readonly string[] };
export type ScopeKeys = (scope: AccessScope, candidates: readonly string[]) => Promise<ScopeGrant>;

const ALLOWED: AccessDecision = { ok: true };

/** Global roles plus the roles held in any of `keys`, in ROLES order, without repeats. */
export function rolesIn(actor: Pick<Actor, "roles" | "workspaceRoles">, keys: readonly string[]): Role[] {
  const held = new Set<Role>(actor.roles);
  for (const key of keys) for (const role of actor.workspaceRoles[key] ?? []) held.add(role);
  return ROLES.filter((r) => held.has(r));
}

function whereWords(scope: AccessScope): string {
  switch (scope.kind) {
    case "workspace":
      return ` in workspace ${truncated(scope.workspace)}`;
    case "namespace":
      return ` in a workspace spanning namespace ${truncated(scope.namespace)} of cluster ${truncated(scope.cluster)}`;
    case "fleet":
      return "";
  }
}

const FIELDS: Record<AccessScope["kind"], string> = { workspace: "workspace", namespace: "namespace", fleet: "(input)" };

/** "You are signed in as alice (viewer); deploying gateways needs the platform-owner role in workspace bookinfo-ws." */
export function refusalMessage(user: string, held: readonly Role[], rule: AccessRule, scope: AccessScope): string {
  // Every signed-in person may look: no role at all still reads as viewer.
  const roles = held.length > 0 ? held.join(", ") : "viewer";
  return `You are signed in as ${truncated(user)} (${roles}); ${rule.action} needs the ${rule.role} role${whereWords(scope)}.`;
}

/** "…; deploying gateways in north needs the platform-owner role there, and workspace w, where you hold it, does not span north." */
function outsideMessage(user: string, held: readonly Role[], rule: AccessRule, workspace: string, outside: readonly string[]): string {
  const names = truncated(someOf(outside, 3));
  return `You are signed in as ${truncated(user)} (${held.join(", ")}); ${rule.action} in ${names} needs the ${rule.role} role there, and workspace ${truncated(workspace)}, where you hold it, does not span ${names}.`;
}

/**
 * The decision. No actor (mode none) or mode none: the one person at this machine holds every role. An actor
 * without an identity is not signed in (401), whatever the procedure. Viewer procedures: anyone signed in.
 * Otherwise the role globally, or in a workspace of the scope; `keysOf` is asked only when the actor holds
 * workspace roles and the input names a scope.
 */
export async function decideAccess(actor: Actor | undefined, rule: AccessRule, scope: AccessScope, keysOf: ScopeKeys): Promise<AccessDecision> {
  if (!actor || actor.mode === "none") return ALLOWED;
  const identity = actor.identity;
  if (!identity) return { ok: false, status: "unauthenticated", message: "You are not signed in: sign in to use the console." };
  if (rule.role === "viewer" || actor.roles.includes(rule.role)) return ALLOWED;
  const candidates = Object.keys(actor.workspaceRoles);
  const grant = candidates.length > 0 && scope.kind !== "fleet" ? await keysOf(scope, candidates) : { keys: [], outside: [] };
  const held = rolesIn(actor, grant.keys);
  if (held.includes(rule.role)) {
    if (scope.kind !== "workspace" || grant.outside.length === 0) return ALLOWED;
    // Held in this workspace only: it reaches the workspace's clusters, not the others the input names.
    return { ok: false, status: "forbidden", field: scope.targets?.field ?? "clusters", message: outsideMessage(identity.user, held, rule, scope.workspace, grant.outside) };
  }
  return { ok: false, status: "forbidden", field: FIELDS[scope.kind], message: refusalMessage(identity.user, held, rule, scope) };
}
