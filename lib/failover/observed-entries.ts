// The ServiceEntries and shadow WorkloadEntries a cluster has now, read from the registry's observed objects
// (ours and everyone else's: routing uses whatever exists, not what was planned). A WorkloadEntry belongs to a
// Service as a pod does: same namespace, and its labels carry every label of the Service's selector. Istio reads a
// WorkloadEntry's labels as `spec.labels` merged with `metadata.labels`, the metadata winning
// (serviceentry/conversion.go ConvertWorkloadEntry); a Service without a selector selects none.
import { asArray, asRecord, asString } from "@/lib/registry/json-read";
import type { ObservedObject } from "@/lib/registry/types";
import { drain, type Steps } from "@/lib/steps";
import type { ClusterFacts } from "./types";

/** A Service of the cluster, as the matcher needs it. */
export type Selecting = { fqdn: string; namespace: string; selector: Readonly<Record<string, string>> };

/** Every ServiceEntry's hosts and endpoint addresses, hosts limited to `wanted` (the workspace's services). */
export function serviceEntriesOf(objects: readonly ObservedObject[], wanted: ReadonlySet<string>): ClusterFacts["serviceEntries"] {
  return objects.flatMap((o) => {
    if (o.kind !== "ServiceEntry") return [];
    const spec = asRecord(o.spec);
    const hosts = asArray(spec?.hosts).flatMap((h) => {
      const host = asString(h);
      return host !== undefined && wanted.has(host) ? [host] : [];
    });
    if (hosts.length === 0) return [];
    const addresses = asArray(spec?.endpoints).flatMap((e) => asString(asRecord(e)?.address) ?? []);
    return [{ hosts, addresses }];
  });
}

const pair = (namespace: string, key: string, value: string) => `${namespace}\u0000${key}=${value}`;

/**
 * Services indexed by one label of their selector (the first by key), so each WorkloadEntry is matched against the
 * few Services that could select it, not all of them (10^3 Services × 10^4 WorkloadEntries per cluster).
 */
function byOneLabel(services: readonly Selecting[]): Map<string, Selecting[]> {
  const out = new Map<string, Selecting[]>();
  for (const s of services) {
    const [first] = Object.entries(s.selector).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (!first) continue;
    const key = pair(s.namespace, first[0], first[1]);
    out.set(key, [...(out.get(key) ?? []), s]);
  }
  return out;
}

/** The addresses of the WorkloadEntries each Service selects, by FQDN (shadowEntriesSteps drained). */
export function shadowEntriesOf(objects: readonly ObservedObject[], services: readonly Selecting[]): ClusterFacts["shadowEntries"] {
  return drain(shadowEntriesSteps(objects, services));
}

/** Objects matched between two pauses of shadowEntriesSteps. */
const STEP_OBJECTS = 4096;

/** The addresses of the WorkloadEntries each Service selects, by FQDN, in steps (a cluster holds 10^4–10^5). */
export function* shadowEntriesSteps(objects: readonly ObservedObject[], services: readonly Selecting[]): Steps<ClusterFacts["shadowEntries"]> {
  const index = byOneLabel(services);
  // The label keys the index is keyed by (in practice one: `app`). Each WorkloadEntry is looked up by those keys
  // alone, reading its labels in place: this runs over every WorkloadEntry of a cluster (10^4–10^5), so no per-entry
  // copy of its labels is made.
  const keys = [...new Set(services.flatMap((s) => Object.keys(s.selector).sort()[0] ?? []))];
  const found = new Map<string, string[]>();
  let seen = 0;
  for (const o of objects) {
    if (++seen % STEP_OBJECTS === 0) yield;
    if (o.kind !== "WorkloadEntry") continue;
    const spec = asRecord(o.spec);
    const address = asString(spec?.address);
    if (!address) continue;
    const specLabels = asRecord(spec?.labels);
    // Istio's merge: metadata labels win over spec labels.
    const label = (k: string): string | undefined => o.labels[k] ?? asString(specLabels?.[k]);
    for (const k of keys) {
      const v = label(k);
      if (v === undefined) continue;
      for (const s of index.get(pair(o.namespace, k, v)) ?? []) {
        if (!Object.entries(s.selector).every(([sk, sv]) => label(sk) === sv)) continue;
        const list = found.get(s.fqdn);
        if (list) list.push(address);
        else found.set(s.fqdn, [address]);
      }
    }
  }
  return [...found].map(([fqdn, addresses]) => ({ fqdn, addresses }));
}
