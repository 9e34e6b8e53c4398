// A fingerprint of everything one exposed service's objects (ServiceEntries, shadow WorkloadEntries, failover
// DestinationRules) and conditions depend on: equal keys give equal build results, so the planner rebuilds
// (and re-hashes) only the services whose inputs changed. Services are identified by object identity (planner
// input is immutable: the adapter hands out the same ServiceInput for an unchanged Service; the numbering is the
// planner's own, KeyMemo), every other dependency by value. Keep this in step with the builders: each field they read must appear here.
import { hostCovers, type ServiceRef } from "@/lib/names/fqdn";
import { createServiceIndex } from "./exposure";
import type { ClusterInput, DestinationRuleInput, ServicePort } from "./input";
import { meshPorts } from "./istio-protocol";
import { MULTICLUSTER_NAMESPACE } from "./placed";
import type { ModelService, WorkspaceModel } from "./workspace-model";

/** Numbers objects by identity: a number unique to an object for the life of the returned function. */
export function createIdentity(): (o: object) => number {
  const ids = new WeakMap<object, number>();
  let nextId = 0;
  return (o) => {
    let id = ids.get(o);
    if (id === undefined) ids.set(o, (id = ++nextId));
    return id;
  };
}

/** What a planner remembers between service keys (one per planner, shared by its forks): no module state. */
export type KeyMemo = {
  identity: (o: object) => number;
  /** The user's own DestinationRules of a cluster (ours never count), computed once per input array. */
  ownRules: (cluster: ClusterInput) => DestinationRuleInput[];
  runsService: (cluster: ClusterInput, ref: ServiceRef) => boolean;
  /** A Service's mesh ports as `port,port,…` (workspace-model.ts compares them across clusters), per ports array. */
  portKey: (ports: readonly ServicePort[]) => string;
  /** clusterPart as JSON, per cluster input object and service FQDN: only a changed cluster's are made again. */
  clusterPart: (cluster: ClusterInput, svc: ModelService) => string;
};

export function createKeyMemo(): KeyMemo {
  const userRules = new WeakMap<readonly DestinationRuleInput[], DestinationRuleInput[]>();
  const ownRules = (cluster: ClusterInput) => {
    let own = userRules.get(cluster.destinationRules);
    if (!own) userRules.set(cluster.destinationRules, (own = cluster.destinationRules.filter((dr) => !dr.managedByUs)));
    return own;
  };
  const ports = new WeakMap<readonly ServicePort[], string>();
  const portKey = (list: readonly ServicePort[]) => {
    let key = ports.get(list);
    if (key === undefined) ports.set(list, (key = meshPorts(list).map((p) => p.port).join(",")));
    return key;
  };
  const parts = new WeakMap<ClusterInput, Map<string, string>>();
  const memo: KeyMemo = {
    identity: createIdentity(),
    ownRules,
    runsService: createServiceIndex(),
    portKey,
    clusterPart: (cluster, svc) => {
      let byFqdn = parts.get(cluster);
      if (!byFqdn) parts.set(cluster, (byFqdn = new Map()));
      let part = byFqdn.get(svc.fqdn);
      if (part === undefined) byFqdn.set(svc.fqdn, (part = JSON.stringify(clusterPart(cluster, svc, memo))));
      return part;
    },
  };
  return memo;
}

// A pure function of the cluster's input object and the service's FQDN (its namespace and name): what the
// cluster's DestinationRules, network, locality and Services say about that service.
function clusterPart(cluster: ClusterInput, svc: ModelService, memo: KeyMemo): unknown[] {
  const rules = memo.ownRules(cluster)
    .filter((dr) => hostCovers(dr.host, dr.namespace, svc.fqdn))
    .map((dr) => [dr.namespace, dr.name, dr.hasOutlierDetection]);
  const multicluster = cluster.namespaces.includes(MULTICLUSTER_NAMESPACE);
  return [cluster.name, cluster.network, cluster.locality ?? null, multicluster, memo.runsService(cluster, svc), rules];
}

/** JSON (each cluster's part a JSON array after it), so no name can run into the next field whatever it holds. */
export function serviceKey(model: WorkspaceModel, svc: ModelService, memo: KeyMemo): string {
  const instances = svc.instances.map((i) => [i.cluster.name, memo.identity(i.service)]);
  const sources = svc.sources.map((s) => [s.cluster.name, memo.identity(s.service), s.gateway.addresses]);
  const clusters = model.clusters.map((c) => memo.clusterPart(c, svc)).join(",");
  return `${JSON.stringify([model.name, model.settingRef, svc.fqdn, instances, sources])}[${clusters}]`;
}
