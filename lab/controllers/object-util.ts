// Small helpers shared by the lab's controllers: keys, JSON comparison, selectors and owner references.
import type { KubeObject, ResourceType, TypeRegistry } from "../apiserver/types";

export type JsonRecord = Record<string, unknown>;

/** The cache key a controller queues: "<namespace>/<name>" ("/<name>" for cluster-scoped kinds). */
export function keyOf(obj: KubeObject): string {
  return `${obj.metadata.namespace ?? ""}/${obj.metadata.name ?? ""}`;
}

export function splitKey(key: string): { namespace: string | undefined; name: string } {
  const slash = key.indexOf("/");
  const namespace = key.slice(0, slash);
  return { namespace: namespace === "" ? undefined : namespace, name: key.slice(slash + 1) };
}

export function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonRecord) : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(asRecord(value) ?? {})) if (typeof v === "string") out[k] = v;
  return out;
}

/** Structural equality of JSON values (key order ignored), used to keep re-writes no-ops. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  const ra = asRecord(a);
  const rb = asRecord(b);
  if (!ra || !rb) return false;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual(ra[k], rb[k]));
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** An equality-based selector such as a Service's spec.selector: every pair must match. */
export function selectorMatches(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

/** metav1.LabelSelector (matchLabels + matchExpressions), as Deployments carry it. */
export function labelSelectorMatches(selector: unknown, labels: Record<string, string> | undefined): boolean {
  const sel = asRecord(selector) ?? {};
  if (!selectorMatches(stringMap(sel.matchLabels), labels)) return false;
  return asArray(sel.matchExpressions).every((raw) => {
    const expr = asRecord(raw) ?? {};
    const key = String(expr.key ?? "");
    const values = asArray(expr.values).map(String);
    const has = labels !== undefined && key in labels;
    const value = labels?.[key];
    switch (expr.operator) {
      case "In": return has && values.includes(value ?? "");
      case "NotIn": return !has || !values.includes(value ?? "");
      case "Exists": return has;
      case "DoesNotExist": return !has;
      default: return false;
    }
  });
}

/** The ownerReference a controller puts on what it creates (controller + blockOwnerDeletion, as upstream). */
export function controllerRef(owner: KubeObject): JsonRecord {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function isControlledBy(obj: KubeObject, owner: KubeObject): boolean {
  return (obj.metadata.ownerReferences ?? []).some((ref) => ref.controller === true && ref.uid === owner.metadata.uid);
}

export function isTerminating(obj: KubeObject): boolean {
  return obj.metadata.deletionTimestamp !== undefined;
}

/** Kubernetes timestamps have second precision ("2024-01-02T03:04:05Z"). */
export function nowSeconds(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function requireType(types: TypeRegistry, group: string, kind: string): ResourceType {
  const type = types.byKind(group, kind);
  if (!type) throw new Error(`lab: the type registry has no ${kind}${group ? `.${group}` : ""}`);
  return type;
}

/**
 * True when every field `want` sets has the same value in `have` (objects recursively, arrays element-wise with
 * the same length). Controllers compare what they want against what the apiserver returned, which may carry
 * defaults they never set, so a plain equality would rewrite forever.
 */
export function isSubset(want: unknown, have: unknown): boolean {
  if (Array.isArray(want)) {
    return Array.isArray(have) && have.length === want.length && want.every((w, i) => isSubset(w, have[i]));
  }
  const w = asRecord(want);
  if (w) {
    const h = asRecord(have);
    return h !== undefined && Object.entries(w).every(([k, v]) => v === undefined || isSubset(v, h[k]));
  }
  return want === have;
}
