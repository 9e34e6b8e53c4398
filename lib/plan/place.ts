// Adds built objects to their cluster's set (shared by every planning path). Invalid names are reported instead
// of planned (the write would be rejected). The first writer of an id wins (workspaces are planned in name
// order); a different second object for the same id — overlapping workspaces — is reported, never merged.
import { isDnsSubdomain } from "@/lib/names/dns";
import type { Condition } from "./conditions";
import { objectId, WORKSPACES_ANNOTATION, type DesiredObject } from "./desired";
import { compareStrings, stableStringify } from "./json";
import type { Placed } from "./placed";

// Planned objects are immutable and, with the planner's memo, reused across plans: their id is computed once
// per object instead of once per sort comparison. (This memo of a pure function is the last module-level one
// of lib/plan: desiredId is also the registry comparison's key, lib/registry/compare*.ts.)
const ids = new WeakMap<DesiredObject, string>();

export function desiredId(o: DesiredObject): string {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = objectId(o)));
  return id;
}

export type NameCheck = (o: DesiredObject) => boolean;

/**
 * Whether an object's name is a valid Kubernetes name. Not memoised: the check (one regex for a name without
 * dots) costs less than a WeakMap entry per planned object, which the collector would also have to trace.
 */
export function createNameCheck(): NameCheck {
  return (o) => isDnsSubdomain(o.metadata.name);
}

/** compareObjects (kind, namespace, name) with the cached ids. */
export const byDesiredId = (a: DesiredObject, b: DesiredObject): number => compareStrings(desiredId(a), desiredId(b));

/** Where `id` is, or would be inserted, in a list sorted by desiredId. */
export function lowerBound(sorted: readonly DesiredObject[], id: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareStrings(desiredId(sorted[mid] as DesiredObject), id) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function place(target: Map<string, Map<string, DesiredObject>>, placed: readonly Placed[], conditions: Condition[], validName: NameCheck): void {
  for (const { cluster, object } of placed) {
    const objects = target.get(cluster);
    if (!objects) continue;
    const id = desiredId(object);
    const existing = objects.get(id);
    if (!validName(object)) {
      const message = `${id} would not be a valid Kubernetes name (DNS-1123 subdomain, ≤ 253 characters); shorten the source's name.`;
      conditions.push({ severity: "error", reason: "InvalidObjectName", cluster, subject: id, message });
    } else if (!existing) objects.set(id, object);
    else if (existing !== object && stableStringify(existing) !== stableStringify(object)) {
      const first = existing.metadata.annotations[WORKSPACES_ANNOTATION] ?? "";
      const message = `${id} in ${cluster} is wanted by several workspaces with different content; the one from ${first} is kept. Make the workspaces' namespaces disjoint.`;
      conditions.push({ severity: "warning", reason: "ConflictingObject", cluster, subject: id, message });
    }
  }
}
