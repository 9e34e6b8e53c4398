// Desired (from the plan) against observed, for one cluster: the core both the write diff and the
// expected-versus-actual report build on. Standalone mode compares with what *we* own (ownership label) and by
// content hash; observe mode (a Tetrate control plane writes) compares with whatever generated-looking objects
// exist, by spec, since XCP's objects carry neither our label nor our hash.
import { CONTENT_HASH_ANNOTATION, MANAGED_BY_LABEL, MANAGED_BY_VALUE, type DesiredObject } from "@/lib/plan/desired";
import { desiredId } from "@/lib/plan/place";
import { MULTICLUSTER_NAMESPACE } from "@/lib/plan/placed";
import { canonicalJson } from "./canonical-json";
import { observedId, type ObservedObject, type RegistryMode } from "./types";

export type Comparison =
  | { status: "missing"; id: string; desired: DesiredObject; reason: string }
  | { status: "different"; id: string; desired: DesiredObject; observed: ObservedObject; reason: string }
  | { status: "same"; id: string; desired: DesiredObject; observed: ObservedObject }
  | { status: "extra"; id: string; observed: ObservedObject; reason: string }
  | { status: "foreign"; id: string; desired: DesiredObject; observed: ObservedObject; reason: string };

export const isOwned = (o: ObservedObject): boolean => o.labels[MANAGED_BY_LABEL] === MANAGED_BY_VALUE;

/** In observe mode: objects that look like a control plane's output (XCP's namespace, shadow entry names). */
function looksGenerated(o: ObservedObject): boolean {
  return isOwned(o) || o.namespace === MULTICLUSTER_NAMESPACE || (o.kind === "WorkloadEntry" && o.name.startsWith("k-"));
}

function specFieldsDiffering(desired: DesiredObject, observed: ObservedObject): string[] {
  const live = typeof observed.spec === "object" && observed.spec !== null ? (observed.spec as Record<string, unknown>) : {};
  const keys = new Set([...Object.keys(desired.spec), ...Object.keys(live)]);
  return [...keys].sort().filter((k) => canonicalJson(desired.spec[k]) !== canonicalJson(live[k])).map((k) => `spec.${k}`);
}

function differsBy(desired: DesiredObject, observed: ObservedObject, mode: RegistryMode): string | undefined {
  if (mode === "observe") {
    const fields = specFieldsDiffering(desired, observed);
    return fields.length === 0 ? undefined : `${fields.join(", ")} differ from the plan`;
  }
  // The hash is the cheap test (a resync compares every object); the field-by-field look is only for the reason.
  const want = desired.metadata.annotations[CONTENT_HASH_ANNOTATION];
  const have = observed.annotations[CONTENT_HASH_ANNOTATION];
  if (want === have) return undefined;
  if (have === undefined) return "the live object has no content hash";
  const fields = specFieldsDiffering(desired, observed);
  const what = fields.length > 0 ? fields.join(", ") : "labels or annotations";
  return `content hash ${have.slice(0, 8)} ≠ planned ${want?.slice(0, 8) ?? "?"} (${what} changed)`;
}

function compareOne(desired: DesiredObject, observed: ObservedObject | undefined, mode: RegistryMode): Comparison {
  const id = desiredId(desired);
  if (!observed) return { status: "missing", id, desired, reason: "planned but not present" };
  if (mode === "standalone" && !isOwned(observed)) {
    const reason = `${id} exists and is not managed by eastwest-console; it is left untouched`;
    return { status: "foreign", id, desired, observed, reason };
  }
  const reason = differsBy(desired, observed, mode);
  return reason === undefined ? { status: "same", id, desired, observed } : { status: "different", id, desired, observed, reason };
}

// A resync compares every planned object with its live one, and most pairs are the very same objects as last
// time (planned and observed objects are immutable and reused while unchanged). So: ids and the by-id index of
// an observed list are computed once, and a pair's comparison is remembered for as long as both objects live.
const observedIds = new WeakMap<ObservedObject, string>();
const indexes = new WeakMap<readonly ObservedObject[], Map<string, ObservedObject>>();
const compared = new WeakMap<DesiredObject, { observed: ObservedObject | undefined; mode: RegistryMode; result: Comparison }>();

export function observedKey(o: ObservedObject): string {
  let id = observedIds.get(o);
  if (id === undefined) observedIds.set(o, (id = observedId(o)));
  return id;
}

/** Live objects by id, built once per list. */
export function observedIndex(observed: readonly ObservedObject[]): Map<string, ObservedObject> {
  let index = indexes.get(observed);
  if (!index) indexes.set(observed, (index = new Map(observed.map((o) => [observedKey(o), o]))));
  return index;
}

/** One pair's comparison (standalone mode), remembered while both objects live. */
export const compareWith = (desired: DesiredObject, observed: ObservedObject | undefined): Comparison => compareCached(desired, observed, "standalone");

function compareCached(desired: DesiredObject, observed: ObservedObject | undefined, mode: RegistryMode): Comparison {
  const before = compared.get(desired);
  if (before && before.observed === observed && before.mode === mode) return before.result;
  const result = compareOne(desired, observed, mode);
  compared.set(desired, { observed, mode, result });
  return result;
}

/** Every desired object's status, then the extra ones (ours, or generated-looking in observe mode). */
export function compareCluster(desired: readonly DesiredObject[], observed: readonly ObservedObject[], mode: RegistryMode): Comparison[] {
  const byId = observedIndex(observed);
  const wanted = new Set<string>();
  const out = desired.map((d) => {
    const id = desiredId(d);
    wanted.add(id);
    return compareCached(d, byId.get(id), mode);
  });
  for (const o of observed) {
    if (!(mode === "standalone" ? isOwned(o) : looksGenerated(o))) continue;
    const id = observedKey(o);
    if (!wanted.has(id)) out.push({ status: "extra", id, observed: o, reason: "present but no longer planned" });
  }
  return out;
}
