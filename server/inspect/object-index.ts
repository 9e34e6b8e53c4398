// Lookups into one cluster's cached objects without walking the cluster on each request: each index is built once
// per object map (the fleet cache keeps a kind's map while none of its objects changed, so a WeakMap on the map is
// invalidated exactly when it must be) and shared by every request until then.
//  - by namespace: Deployments, Pods and WorkloadEntries, matched against a selector within one namespace;
//  - by host: ServiceEntries (`spec.hosts`) and DestinationRules (`spec.host`, expanded as Istio expands a short
//    host relative to the rule's namespace; wildcards kept apart and tested one by one).
import type { CachedObject, ObjectMap } from "@/lib/fleet/snapshot-types";
import { expandHost, hostCovers } from "@/lib/names/fqdn";

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Rec) : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : []);

function memoized<T>(build: (map: ObjectMap) => T): (map: ObjectMap) => T {
  const cache = new WeakMap<ObjectMap, T>();
  return (map) => {
    let value = cache.get(map);
    if (value === undefined) cache.set(map, (value = build(map)));
    return value;
  };
}

function push<K, V>(index: Map<K, V[]>, key: K, value: V): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

export const byNamespace = memoized((map) => {
  const index = new Map<string, CachedObject[]>();
  for (const o of map.values()) push(index, o.metadata.namespace ?? "", o);
  return index;
});

/** The objects of `map` in `namespace` whose labels carry every pair of `selector` (a Service's selection). */
export function selected(map: ObjectMap, namespace: string, selector: Readonly<Record<string, string>>, labelsOf: (o: CachedObject) => Readonly<Record<string, string>> | undefined = (o) => o.metadata.labels): CachedObject[] {
  const pairs = Object.entries(selector);
  // An empty selector selects nothing: Kubernetes leaves such a Service's endpoints to be managed by hand.
  if (pairs.length === 0) return [];
  return (byNamespace(map).get(namespace) ?? []).filter((o) => {
    const labels = labelsOf(o);
    return pairs.every(([k, v]) => labels?.[k] === v);
  });
}

/** A WorkloadEntry's labels as Istio merges them: `spec.labels`, overridden by `metadata.labels`. */
export function workloadEntryLabels(o: CachedObject): Record<string, string> {
  const spec = rec(rec(o.spec)?.labels) ?? {};
  const fromSpec = Object.fromEntries(Object.entries(spec).filter((e): e is [string, string] => typeof e[1] === "string"));
  return { ...fromSpec, ...(o.metadata.labels ?? {}) };
}

type HostIndex = { exact: Map<string, CachedObject[]>; wildcards: CachedObject[] };

const serviceEntriesByHost = memoized((map): HostIndex => {
  const index: HostIndex = { exact: new Map(), wildcards: [] };
  for (const o of map.values()) {
    for (const host of strings(rec(o.spec)?.hosts)) {
      if (host.startsWith("*")) index.wildcards.push(o);
      else push(index.exact, host, o);
    }
  }
  return index;
});

const rulesByHost = memoized((map): HostIndex => {
  const index: HostIndex = { exact: new Map(), wildcards: [] };
  for (const o of map.values()) {
    const host = rec(o.spec)?.host;
    if (typeof host !== "string") continue;
    const expanded = expandHost(host, o.metadata.namespace ?? "");
    if (expanded.startsWith("*")) index.wildcards.push(o);
    else push(index.exact, expanded, o);
  }
  return index;
});

const unique = (list: readonly CachedObject[]) => [...new Set(list)];

/** ServiceEntries listing `fqdn` in `spec.hosts` (a `*.` wildcard covers it as Istio matches hosts). */
export function serviceEntriesFor(map: ObjectMap, fqdn: string): CachedObject[] {
  const index = serviceEntriesByHost(map);
  const wild = index.wildcards.filter((o) => strings(rec(o.spec)?.hosts).some((h) => hostCovers(h, o.metadata.namespace ?? "", fqdn)));
  return unique([...(index.exact.get(fqdn) ?? []), ...wild]);
}

/** DestinationRules whose `spec.host` covers `fqdn`. */
export function destinationRulesFor(map: ObjectMap, fqdn: string): CachedObject[] {
  const index = rulesByHost(map);
  const wild = index.wildcards.filter((o) => hostCovers(String(rec(o.spec)?.host), o.metadata.namespace ?? "", fqdn));
  return unique([...(index.exact.get(fqdn) ?? []), ...wild]);
}
