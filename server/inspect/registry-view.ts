// Expected versus actual for one service in one cluster: the objects the model's current plan puts there for it
// (the SERVICES_ANNOTATION of each desired object names the FQDNs it carries) against what the registry observed
// in that cluster, plus the registry's own propagation verdict when it runs (which, in standalone mode, counts an
// object only once its ownership is proved). Both lists are indexed by FQDN once per plan list / observed list (the
// model keeps them while the cluster's part is unchanged), so a request reads one entry.
import { objectId, SERVICES_ANNOTATION, type DesiredObject } from "@/lib/plan/desired";
import type { ServicePropagation } from "@/lib/registry/propagation";
import { observedId, type ObservedObject } from "@/lib/registry/types";
import type { ModelState } from "@/server/model/types";
import type { RegistryView } from "./types";

const servicesOf = (annotations: Readonly<Record<string, string>>) => (annotations[SERVICES_ANNOTATION] ?? "").split(",").filter((s) => s !== "");

function indexBy<T>(list: readonly T[], fqdns: (o: T) => string[]): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const o of list) {
    for (const fqdn of fqdns(o)) {
      const bucket = index.get(fqdn);
      if (bucket) bucket.push(o);
      else index.set(fqdn, [o]);
    }
  }
  return index;
}

const desiredIndex = new WeakMap<readonly DesiredObject[], Map<string, DesiredObject[]>>();
const observedIndex = new WeakMap<readonly ObservedObject[], { byFqdn: Map<string, ObservedObject[]>; ids: Set<string> }>();
const propagationIndex = new WeakMap<readonly ServicePropagation[], Map<string, ServicePropagation>>();

function desiredFor(list: readonly DesiredObject[], fqdn: string): DesiredObject[] {
  let index = desiredIndex.get(list);
  // A passthrough Gateway sits in the source cluster and says nothing about who received the service.
  if (!index) desiredIndex.set(list, (index = indexBy(list.filter((o) => o.kind !== "Gateway"), (o) => servicesOf(o.metadata.annotations))));
  return index.get(fqdn) ?? [];
}

function observedFor(list: readonly ObservedObject[]) {
  let index = observedIndex.get(list);
  if (!index) observedIndex.set(list, (index = { byFqdn: indexBy(list, (o) => servicesOf(o.annotations)), ids: new Set(list.map(observedId)) }));
  return index;
}

function propagationFor(list: readonly ServicePropagation[], fqdn: string): ServicePropagation | undefined {
  let index = propagationIndex.get(list);
  if (!index) propagationIndex.set(list, (index = new Map(list.map((p) => [p.fqdn, p]))));
  return index.get(fqdn);
}

export function registryView(state: ModelState, cluster: string, fqdn: string, propagation: readonly ServicePropagation[] | undefined): RegistryView {
  const desired = desiredFor(state.plan.clusters[cluster] ?? [], fqdn);
  const seen = observedFor(state.registry.observed.find((o) => o.name === cluster)?.objects ?? []);
  const planned = new Set(desired.map(objectId));
  const expected = desired.map((o) => ({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name, observed: seen.ids.has(objectId(o)) ? ("present" as const) : ("missing" as const) }));
  const unplanned = (seen.byFqdn.get(fqdn) ?? []).filter((o) => o.kind !== "Gateway" && !planned.has(observedId(o))).map((o) => ({ kind: o.kind, namespace: o.namespace, name: o.name }));
  const mine = propagation ? propagationFor(propagation, fqdn)?.clusters.find((c) => c.cluster === cluster) : undefined;
  return { kind: "service", fqdn, cluster, ...(mine ? { propagation: mine } : {}), expected, unplanned, planCurrent: state.current };
}
