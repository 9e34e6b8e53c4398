// Drift: the fields the registry manages on a live object it owns, against what it wants them to be. The
// content-hash annotation only says what the registry last applied; a hand edit that keeps the annotations
// (a `kubectl patch` of spec.endpoints) leaves it matching. So the managed fields themselves are compared:
// the planned labels and annotations (not others' keys), and the planned spec as a subset — a map is compared
// key by key over the planned keys only (others may own further keys, and server-side apply never removes
// what another manager owns, so counting them would re-apply forever); a list or scalar must be equal as a
// whole (Istio's lists are atomic for apply, bar keyed ones, which the planner writes whole).
import type { DesiredObject } from "@/lib/plan/desired";

type Json = unknown;

const isMap = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);

function equal(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isMap(a)) {
    if (!isMap(b)) return false;
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    return keys.length === Object.keys(b).filter((k) => b[k] !== undefined).length && keys.every((k) => equal(a[k], b[k]));
  }
  return false;
}

/** `live` holds what `want` says (maps over `want`'s keys): the resync's common case, without allocating. */
function holds(want: Json, live: Json): boolean {
  if (!isMap(want) || !isMap(live)) return equal(want, live);
  for (const key in want) if (want[key] !== undefined && !holds(want[key], live[key])) return false;
  return true;
}

function mapHolds(want: Readonly<Record<string, string>>, live: Readonly<Record<string, string>>): boolean {
  for (const key in want) if (live[key] !== want[key]) return false;
  return true;
}

/** Paths (`spec.a.b`) where `live` does not hold what `want` says, maps compared over `want`'s keys. */
function subsetDiff(want: Json, live: Json, path: string, out: string[]): void {
  if (isMap(want) && isMap(live)) {
    for (const key of Object.keys(want).sort()) if (want[key] !== undefined) subsetDiff(want[key], live[key], `${path}.${key}`, out);
    return;
  }
  if (!equal(want, live)) out.push(path);
}

function mapDiff(want: Readonly<Record<string, string>>, live: Readonly<Record<string, string>>, path: string, out: string[]): void {
  for (const key of Object.keys(want).sort()) if (live[key] !== want[key]) out.push(`${path}.${key}`);
}

/** The managed fields of `live` that differ from `desired`, as paths; empty when the object is as planned. */
export function driftedFields(desired: DesiredObject, live: { labels: Readonly<Record<string, string>>; annotations: Readonly<Record<string, string>>; spec: unknown }): string[] {
  const spec = isMap(live.spec) ? live.spec : {};
  if (mapHolds(desired.metadata.labels, live.labels) && mapHolds(desired.metadata.annotations, live.annotations) && holds(desired.spec, spec)) return [];
  const out: string[] = [];
  mapDiff(desired.metadata.labels, live.labels, "metadata.labels", out);
  mapDiff(desired.metadata.annotations, live.annotations, "metadata.annotations", out);
  subsetDiff(desired.spec, spec, "spec", out);
  return out;
}
