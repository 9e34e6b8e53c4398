// Whether a cluster's own instance of a service works right now, from the fleet snapshot: the ready endpoints of
// the Service's EndpointSlices (label kubernetes.io/service-name; an endpoint whose `conditions.ready` is unset
// counts as ready, as the EndpointSlice API tells consumers to read it), or, when the cluster has no slice for
// it, the Service's selected pods with a True Ready condition. Shadow WorkloadEntries are not counted: they are
// the remote instances, not local ones.
import type { CachedObject, ClusterObjects, FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { countPods } from "./gateway-pods";

export type LocalEndpoints = { ready: number; total: number };

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Rec) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const SERVICE_NAME_LABEL = "kubernetes.io/service-name";

function fromSlices(slices: readonly CachedObject[]): LocalEndpoints {
  let ready = 0;
  let total = 0;
  for (const slice of slices) {
    for (const e of arr((slice as Rec).endpoints)) {
      if (rec(rec(e)?.targetRef)?.kind === "WorkloadEntry") continue;
      total += 1;
      if (rec(rec(e)?.conditions)?.ready !== false) ready += 1;
    }
  }
  return { ready, total };
}

/** EndpointSlices by the `namespace/service` they belong to (label kubernetes.io/service-name). */
export function slicesByService(slices: Iterable<CachedObject>): Map<string, CachedObject[]> {
  const out = new Map<string, CachedObject[]>();
  for (const s of slices) {
    const service = s.metadata.labels?.[SERVICE_NAME_LABEL];
    if (!service) continue;
    const key = `${s.metadata.namespace ?? ""}/${service}`;
    const list = out.get(key);
    if (list) list.push(s);
    else out.set(key, [s]);
  }
  return out;
}

type Objects = Pick<ClusterObjects, "Service" | "EndpointSlice" | "Pod">;

/**
 * The Service `namespace/name`'s local endpoints in one cluster; undefined when the cluster has no such Service.
 * `slices`: the cluster's slicesByService, when the caller asks about many services.
 */
export function localEndpoints(objects: Objects, namespace: string, name: string, slices = slicesByService(objects.EndpointSlice.values())): LocalEndpoints | undefined {
  const svc = objects.Service.get(`${namespace}/${name}`);
  if (!svc) return undefined;
  const own = slices.get(`${namespace}/${name}`) ?? [];
  if (own.length > 0) return fromSlices(own);
  const selector = rec(rec(svc.spec)?.selector);
  const labels = Object.fromEntries(Object.entries(selector ?? {}).filter((e): e is [string, string] => typeof e[1] === "string"));
  // A Service without a selector has no pods of its own to count: its endpoints are whatever someone writes.
  if (Object.keys(labels).length === 0) return { ready: 0, total: 0 };
  const { ready, total } = countPods(objects.Pod.values(), namespace, labels);
  return { ready, total };
}

/**
 * `(cluster, fqdn)` → that cluster's local endpoints of the service (`<name>.<namespace>.svc.…`), from the
 * snapshot; each cluster's slices are indexed once, on its first question, for this function's lifetime only.
 */
export function localEndpointsIn(snapshot: FleetSnapshot): (cluster: string, fqdn: string) => LocalEndpoints | undefined {
  const indexed = new Map<string, Map<string, CachedObject[]>>();
  return (cluster, fqdn) => {
    const [name, namespace] = fqdn.split(".");
    const objects = snapshot.clusters.find((c) => c.name === cluster)?.objects;
    if (!objects || !name || !namespace) return undefined;
    let slices = indexed.get(cluster);
    if (!slices) indexed.set(cluster, (slices = slicesByService(objects.EndpointSlice.values())));
    return localEndpoints(objects, namespace, name, slices);
  };
}
