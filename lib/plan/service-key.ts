// A fingerprint of everything one exposed service's objects (ServiceEntries, shadow WorkloadEntries, failover
// DestinationRules) and conditions depend on: equal keys give equal build results, so the planner rebuilds
// (and re-hashes) only the services whose inputs changed. Services are identified by object identity (planner
// input is immutable: the adapter hands out the same ServiceInput for an unchanged Service), every other
// dependency by value. Keep this in step with the builders: each field they read must appear here.
import { hostCovers } from "@/lib/names/fqdn";
import { runsService } from "./exposure";
import type { ClusterInput, DestinationRuleInput } from "./input";
import { MULTICLUSTER_NAMESPACE } from "./placed";
import type { ModelService, WorkspaceModel } from "./workspace-model";

const ids = new WeakMap<object, number>();
let nextId = 0;

/** A number unique to this object for the life of the process. */
export function identityOf(o: object): number {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = ++nextId));
  return id;
}

const userRules = new WeakMap<readonly DestinationRuleInput[], DestinationRuleInput[]>();

/** The user's own DestinationRules of a cluster (ours never count), computed once per input array. */
function ownRules(cluster: ClusterInput): DestinationRuleInput[] {
  let own = userRules.get(cluster.destinationRules);
  if (!own) userRules.set(cluster.destinationRules, (own = cluster.destinationRules.filter((dr) => !dr.managedByUs)));
  return own;
}

function clusterPart(cluster: ClusterInput, svc: ModelService): unknown[] {
  const rules = ownRules(cluster)
    .filter((dr) => hostCovers(dr.host, dr.namespace, svc.fqdn))
    .map((dr) => [dr.namespace, dr.name, dr.hasOutlierDetection]);
  const multicluster = cluster.namespaces.includes(MULTICLUSTER_NAMESPACE);
  return [cluster.name, cluster.network, cluster.locality ?? null, multicluster, runsService(cluster, svc), rules];
}

/** JSON, so no name can run into the next field whatever characters it holds. */
export function serviceKey(model: WorkspaceModel, svc: ModelService): string {
  const instances = svc.instances.map((i) => [i.cluster.name, identityOf(i.service)]);
  const sources = svc.sources.map((s) => [s.cluster.name, identityOf(s.service), s.gateway.addresses]);
  const clusters = model.clusters.map((c) => clusterPart(c, svc));
  return JSON.stringify([model.name, model.settingRef, svc.fqdn, instances, sources, clusters]);
}
