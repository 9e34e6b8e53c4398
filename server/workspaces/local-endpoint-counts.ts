// Every cluster's live local endpoints per Service (lib/readiness/ready-endpoints.ts localEndpoints), as data the
// planner worker can take with a removal preview (preview-query.ts): a cluster that loses its last working
// instance of a service is said to. Kept per cluster while its Service, EndpointSlice and Pod maps are (view memo),
// so previews between two changes cost the copy, not the count.
import type { ClusterObjects, FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { localEndpoints, slicesByService } from "@/lib/readiness/ready-endpoints";
import type { Steps } from "@/lib/steps";
import type { LocalEndpointCounts } from "./preview-query";
import { runSliced } from "./time-slice";
import type { ViewMemo } from "./view-memo";

type Objects = Pick<ClusterObjects, "Service" | "EndpointSlice" | "Pod">;

/** `namespace/name` → counts, for every Service of one cluster, in steps (hundreds of Services per cluster). */
function* countsOf(objects: Objects): Steps<Record<string, { ready: number; total: number }>> {
  const slices = slicesByService(objects.EndpointSlice.values());
  yield;
  const out: Record<string, { ready: number; total: number }> = {};
  let seen = 0;
  for (const svc of objects.Service.values()) {
    if (++seen % 128 === 0) yield;
    const namespace = svc.metadata.namespace ?? "";
    const count = localEndpoints(objects, namespace, svc.metadata.name, slices);
    if (count) out[`${namespace}/${svc.metadata.name}`] = count;
  }
  return out;
}

/** Counted in slices of the event loop on first use after a change, then read from the view memo. */
export async function localEndpointCounts(memo: ViewMemo, snapshot: FleetSnapshot): Promise<LocalEndpointCounts> {
  const out: LocalEndpointCounts = {};
  for (const c of snapshot.clusters) {
    const { Service, EndpointSlice, Pod } = c.objects;
    out[c.name] = await memo.getAsync(`local-endpoint-counts\u0000${c.name}`, [Service, EndpointSlice, Pod], () => runSliced(countsOf({ Service, EndpointSlice, Pod })));
  }
  return out;
}

/** The counts as lossSentences asks for them: by cluster and FQDN (`name.namespace.svc…`). */
export function localEndpointsFrom(counts: LocalEndpointCounts): (cluster: string, fqdn: string) => { ready: number; total: number } | undefined {
  return (cluster, fqdn) => {
    const [name, namespace] = fqdn.split(".");
    return name && namespace ? counts[cluster]?.[`${namespace}/${name}`] : undefined;
  };
}
