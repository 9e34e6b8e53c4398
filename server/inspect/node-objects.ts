// The live objects behind a node, from one cluster's cache, found through the per-map indexes (object-index.ts):
//  - a service: its Service, the Deployments whose pod template the Service selects, the shadow WorkloadEntries it
//    selects (the registry's stand-ins for remote instances, domain.md §3.4), ServiceEntries listing its FQDN and
//    DestinationRules covering it;
//  - a host consumed remotely: the ServiceEntries and DestinationRules for it;
//  - a gateway: its IngressGateway, the Service its installer names the same, that Service's pods, and the
//    AUTO_PASSTHROUGH Gateway the registry adds (`<name>-passthrough`);
//  - a namespace: the Namespace.
// Lists are capped so one panel stays small whatever the cluster holds; `more` says how many were left out.
import type { CachedObject, ClusterSnapshot } from "@/lib/fleet/snapshot-types";
import { parseServiceFqdn } from "@/lib/names/fqdn";
import { destinationRulesFor, selected, serviceEntriesFor, workloadEntryLabels } from "./object-index";
import type { NodeRef } from "./node-id";
import { shownObject } from "./shown-object";
import type { ShownObject } from "./types";

/** Most objects of one role shown (pods of a big gateway, WorkloadEntries of many remote gateways). */
export const MAX_PER_ROLE = 10;

export type NodeObjects = { objects: ShownObject[]; more: number };

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Rec) : undefined);
const labelsIn = (v: unknown): Record<string, string> => Object.fromEntries(Object.entries(rec(v) ?? {}).filter((e): e is [string, string] => typeof e[1] === "string"));

/** `spec.selector` of a Service: the pod labels it selects. */
export const selectorOf = (service: CachedObject | undefined): Record<string, string> => labelsIn(rec(service?.spec)?.selector);

const templateLabels = (deployment: CachedObject) => labelsIn(rec(rec(rec(deployment.spec)?.template)?.metadata)?.labels);

type Group = { role: string; list: readonly CachedObject[] };

function collect(cluster: string, groups: readonly Group[]): NodeObjects {
  let more = 0;
  const objects = groups.flatMap(({ role, list }) => {
    more += Math.max(0, list.length - MAX_PER_ROLE);
    return list.slice(0, MAX_PER_ROLE).map((o) => shownObject(cluster, o, role));
  });
  return { objects, more };
}

const one = (o: CachedObject | undefined): CachedObject[] => (o ? [o] : []);

function serviceGroups(c: ClusterSnapshot, fqdn: string, remoteOnly: boolean): Group[] {
  const ref = parseServiceFqdn(fqdn);
  const hostGroups: Group[] = [
    { role: "ServiceEntry listing the host", list: serviceEntriesFor(c.objects.ServiceEntry, fqdn) },
    { role: "DestinationRule for the host", list: destinationRulesFor(c.objects.DestinationRule, fqdn) },
  ];
  if (remoteOnly || !ref) return hostGroups;
  const service = c.objects.Service.get(`${ref.namespace}/${ref.name}`);
  const selector = selectorOf(service);
  return [
    { role: "the Service", list: one(service) },
    { role: "Deployment the Service selects", list: selected(c.objects.Deployment, ref.namespace, selector, templateLabels) },
    { role: "shadow WorkloadEntry (a remote instance)", list: selected(c.objects.WorkloadEntry, ref.namespace, selector, workloadEntryLabels) },
    ...hostGroups,
  ];
}

function gatewayGroups(c: ClusterSnapshot, namespace: string, name: string): Group[] {
  const service = c.objects.Service.get(`${namespace}/${name}`);
  const selector = Object.keys(selectorOf(service)).length > 0 ? selectorOf(service) : { app: name };
  return [
    { role: "the IngressGateway", list: one(c.objects.IngressGateway.get(`${namespace}/${name}`)) },
    { role: "the gateway's Service", list: one(service) },
    { role: "gateway pod", list: selected(c.objects.Pod, namespace, selector) },
    { role: "AUTO_PASSTHROUGH Gateway (port 15443)", list: one(c.objects.Gateway.get(`${namespace}/${name}-passthrough`)) },
  ];
}

export function nodeObjects(c: ClusterSnapshot, ref: NodeRef): NodeObjects {
  switch (ref.kind) {
    case "cluster":
      return { objects: [], more: 0 };
    case "namespace":
      return collect(c.name, [{ role: "the Namespace", list: one(c.objects.Namespace.get(ref.namespace)) }]);
    case "gateway":
      return collect(c.name, gatewayGroups(c, ref.namespace, ref.name));
    case "service":
    case "service-entry":
      return collect(c.name, serviceGroups(c, ref.fqdn, ref.kind === "service-entry"));
  }
}
