// Ownership is proved, never claimed (architecture.md). A live object is the registry's only when it carries
// every mark the registry leaves: the managed-by label, the annotations naming its source and content hash, a
// name and namespace the planner produces for its kind, and the registry's server-side-apply field manager in
// metadata.managedFields. Each mark alone is easy to copy (kubectl copies labels and annotations, anyone can
// pass --field-manager); together they say the registry wrote this object where it would write it. Anything
// short of the full proof is foreign: never applied to, never deleted, and reported with what is missing.
import {
  CONTENT_HASH_ANNOTATION,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
  SERVICES_ANNOTATION,
  SOURCE_CLUSTERS_ANNOTATION,
  WORKSPACES_ANNOTATION,
  type DesiredKind,
} from "@/lib/plan/desired";
import { MULTICLUSTER_NAMESPACE } from "@/lib/plan/placed";
import type { OwnershipScope } from "./ownership-scope";

/** The registry's server-side-apply field manager (server/kube/writer.ts writes with it). */
export const REGISTRY_FIELD_MANAGER = "eastwest-registry";
/** How `managers` spells our entry: every registry write is an Apply, never an Update. */
export const REGISTRY_MANAGER_ENTRY = `${REGISTRY_FIELD_MANAGER}/Apply`;

/** The annotations every generated object carries (desired.ts), the hash last. */
export const SOURCE_ANNOTATIONS = [SOURCE_CLUSTERS_ANNOTATION, WORKSPACES_ANNOTATION, SERVICES_ANNOTATION, CONTENT_HASH_ANNOTATION] as const;

/** What the proof reads of a live object: `managers` are managedFields entries as `manager/operation`. */
export type OwnershipSubject = {
  kind: DesiredKind;
  namespace: string;
  name: string;
  labels: Readonly<Record<string, string>>;
  annotations: Readonly<Record<string, string>>;
  managers: readonly string[];
};

export type OwnershipProof = { owned: true } | { owned: false; missing: string[] };

// object-names.ts: `global-gwinternal-<fqdn, dots as dashes>` (SEs and DRs), `k-<service>-<md5 hex>[-N]`
// (shadow WorkloadEntries, N ≥ 2), `<gateway>-passthrough` (Gateways).
const SE_NAME = /^global-gwinternal-[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const WE_NAME = /^k-[a-z0-9]([-a-z0-9]*[a-z0-9])?-[0-9a-f]{32}(-[2-9]|-[1-9][0-9]+)?$/;
const GATEWAY_NAME = /-passthrough$/;
const HASH = /^[0-9a-f]{32}$/;

/** The name alone follows the planner's spelling for the kind (whatever the namespace). */
export function namedLikeOurs(o: Pick<OwnershipSubject, "kind" | "name">): boolean {
  if (o.kind === "WorkloadEntry") return WE_NAME.test(o.name);
  if (o.kind === "Gateway") return GATEWAY_NAME.test(o.name);
  return SE_NAME.test(o.name);
}

/** The placement checks that need no scope: the name's spelling, and ServiceEntries only in xcp-multicluster. */
function namingProblem(o: OwnershipSubject, named: boolean): string | undefined {
  if (!named) return `its name is not one the console generates for a ${o.kind}`;
  if (o.kind === "ServiceEntry" && o.namespace !== MULTICLUSTER_NAMESPACE) return `it is in ${o.namespace}, and the console puts ServiceEntries only in ${MULTICLUSTER_NAMESPACE}`;
  return undefined;
}

/** Where the planner puts WorkloadEntries, DestinationRules and Gateways in this cluster (`scope`). */
function scopeProblem(o: OwnershipSubject, scope: OwnershipScope | undefined): string | undefined {
  // Without a scope only the intrinsic marks are checked (the planner input's adapter, which builds the scope).
  if (!scope || o.kind === "ServiceEntry") return undefined;
  if (o.kind === "Gateway") return scope.gateways.has(`${o.namespace}/${o.name}`) ? undefined : `no east-west gateway in ${o.namespace} would get a Gateway named ${o.name}`;
  const allowed = scope.workspaceNamespaces.has(o.namespace) || (o.kind === "DestinationRule" && o.namespace === MULTICLUSTER_NAMESPACE);
  return allowed ? undefined : `${o.namespace} is not a namespace of any workspace here`;
}

/**
 * What the object lacks whatever the scope: the registry's marks and naming. It depends on the object alone, so a
 * caller proving the same object against several scopes (a preview's forked plan) computes it once
 * (compare.ts keeps it per object); only the scope's set lookups are repeated.
 */
export type Intrinsic = { missing: readonly string[]; /** Named as the planner names the kind. */ named: boolean };

// Almost every live object the registry looks at is its own and lacks nothing: they all share this one record
// (at 20 × 500, 570,000 of them each held its own record and empty array).
const COMPLETE: Intrinsic = Object.freeze({ missing: Object.freeze([]), named: true });

export function intrinsicProblems(o: OwnershipSubject): Intrinsic {
  const missing: string[] = [];
  if (o.labels[MANAGED_BY_LABEL] !== MANAGED_BY_VALUE) missing.push(`no label ${MANAGED_BY_LABEL}=${MANAGED_BY_VALUE}`);
  const absent = SOURCE_ANNOTATIONS.filter((a) => o.annotations[a] === undefined);
  if (absent.length > 0) missing.push(`no ${absent.join(", ")} annotation${absent.length > 1 ? "s" : ""}`);
  else if (!HASH.test(o.annotations[CONTENT_HASH_ANNOTATION] ?? "")) missing.push(`${CONTENT_HASH_ANNOTATION} is not a content hash`);
  if (!o.managers.includes(REGISTRY_MANAGER_ENTRY)) missing.push(`field manager ${REGISTRY_FIELD_MANAGER} (Apply) is not in managedFields`);
  const named = namedLikeOurs(o);
  const naming = namingProblem(o, named);
  if (naming !== undefined) missing.push(naming);
  return missing.length === 0 && named ? COMPLETE : { missing, named };
}

const OWNED: OwnershipProof = Object.freeze({ owned: true });

/** The proof from the object's intrinsic problems (intrinsicProblems) and the scope. */
export function proofWith(intrinsic: Intrinsic, o: OwnershipSubject, scope: OwnershipScope | undefined): OwnershipProof {
  // A misnamed object's place is not checked further: its name already fails it.
  const placement = intrinsic.named ? scopeProblem(o, scope) : undefined;
  if (intrinsic.missing.length === 0 && placement === undefined) return OWNED;
  return { owned: false, missing: placement === undefined ? [...intrinsic.missing] : [...intrinsic.missing, placement] };
}

/**
 * The proof. `scope`: where the planner puts WorkloadEntries, DestinationRules and Gateways in this cluster;
 * without it the namespace of those kinds is not checked (used only where the scope is being built).
 */
export function proveOwnership(o: OwnershipSubject, scope: OwnershipScope | undefined): OwnershipProof {
  return proofWith(intrinsicProblems(o), o, scope);
}

/** Carries at least one of our marks (or our naming): an unplanned one that is not ours is worth reporting. */
export function claimsToBeOurs(o: OwnershipSubject): boolean {
  return (
    o.labels[MANAGED_BY_LABEL] === MANAGED_BY_VALUE ||
    SOURCE_ANNOTATIONS.some((a) => o.annotations[a] !== undefined) ||
    o.managers.some((m) => m.startsWith(`${REGISTRY_FIELD_MANAGER}/`)) ||
    namedLikeOurs(o)
  );
}

/** metadata.managedFields (full or the cache's compact form) → `manager/operation` entries. */
export function managersOf(managedFields: unknown): string[] {
  if (!Array.isArray(managedFields)) return [];
  return managedFields.flatMap((entry: unknown) => {
    if (typeof entry !== "object" || entry === null) return [];
    const { manager, operation } = entry as { manager?: unknown; operation?: unknown };
    return typeof manager === "string" ? [`${manager}/${typeof operation === "string" ? operation : ""}`] : [];
  });
}
