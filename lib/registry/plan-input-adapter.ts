// Fleet snapshot (the fleet cache's, lib/fleet/snapshot-types.ts) → the planner's PlanInput: the one adapter
// every reader of the fleet goes through. Pure. Stale clusters are passed with their last known state and
// `stale: true` (the planner holds them back). Workspaces are read from the management cluster when it is
// named (else from every cluster); if that source is stale the result says so (`configStale`), and the diff
// then deletes nothing anywhere — an unknown configuration must never read as "nothing exposed".
import type { ClusterInput, PlanInput } from "@/lib/plan/input";
import { toDestinationRule, toGateway, toService, named, unnamed } from "./adapter-services";
import { toWorkspaces } from "./adapter-workspaces";
import type { ClusterSnapshot, FleetKind, FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { SnapshotObject } from "./raw-object";
import { isStale, listOf } from "./snapshot-lists";
import type { RegistryCondition } from "./types";
import type { AdapterMemo } from "./adapter-memo";
import { gatewayLocality } from "./locality";
import type { RegistryMemos } from "./registry-memos";

/** Istio's network label on the istio-system namespace; without it each cluster is its own network. */
export const NETWORK_LABEL = "topology.istio.io/network";

export type AdapterOptions = {
  managementCluster?: string;
  resolvedHostnames?: Record<string, string[]>;
  /** Passed on as PlanInput.allowLoopbackGatewayAddresses (a setting, not something the fleet says). */
  allowLoopbackGatewayAddresses?: boolean;
};

export type AdaptedInput = { input: PlanInput; conditions: RegistryCondition[]; configStale: boolean };

function each<T>(c: ClusterSnapshot, kind: FleetKind, conditions: RegistryCondition[], memos: RegistryMemos | undefined, map: (o: SnapshotObject, ref: { namespace: string; name: string }) => T): T[] {
  return listOf(c, kind, memos).flatMap((o) => {
    const ref = named(o);
    if (ref) return [map(o, ref)];
    conditions.push(unnamed(c.name, kind));
    return [];
  });
}

function network(c: ClusterSnapshot): string {
  const istio = c.objects.Namespace.get("istio-system");
  return istio?.metadata?.labels?.[NETWORK_LABEL] || c.name;
}

/** The cluster's locality from its east-west gateway pods and their Nodes (locality.ts), once per set of them with memos. */
export function clusterLocality(c: ClusterSnapshot, memos?: RegistryMemos): string | undefined {
  const pods = listOf(c, "Pod", memos);
  const cached = memos?.localities.get(pods);
  if (cached && cached.gateways === c.objects.IngressGateway && cached.services === c.objects.Service && cached.nodes === c.objects.Node) return cached.locality;
  const services = listOf(c, "Service", memos);
  const gateways = listOf(c, "IngressGateway", memos).flatMap((o) => {
    const ref = named(o);
    return ref ? [toGateway(o, ref, services)] : [];
  });
  const locality = gatewayLocality(gateways, pods, listOf(c, "Node", memos));
  memos?.localities.set(pods, { gateways: c.objects.IngressGateway, services: c.objects.Service, nodes: c.objects.Node, locality });
  return locality;
}

export function toClusterInput(c: ClusterSnapshot, conditions: RegistryCondition[], memo?: AdapterMemo): ClusterInput {
  const memos = memo?.memos;
  const services = listOf(c, "Service", memos);
  const locality = clusterLocality(c, memos);
  return {
    name: c.name,
    network: network(c),
    ...(locality ? { locality } : {}),
    stale: isStale(c),
    services: each(c, "Service", conditions, memos, (o, ref) => (memo ? memo.service(o, () => toService(o, ref)) : toService(o, ref))),
    gateways: each(c, "IngressGateway", conditions, memos, (o, ref) => toGateway(o, ref, services)),
    destinationRules: each(c, "DestinationRule", conditions, memos, toDestinationRule),
    namespaces: listOf(c, "Namespace", memos).flatMap((n) => (n.metadata?.name ? [n.metadata.name] : [])),
  };
}

/** `memo`: reuse between consecutive snapshots (adapter-memo.ts); the result is the same without it. */
export function toPlanInput(snapshot: Pick<FleetSnapshot, "clusters">, options: AdapterOptions = {}, memo?: AdapterMemo): AdaptedInput {
  const conditions: RegistryCondition[] = [];
  const clusters = snapshot.clusters.map((c) => {
    if (!memo) return toClusterInput(c, conditions);
    const reused = memo.cluster(c, clusterLocality(c, memo.memos) ?? "", (found) => toClusterInput(c, found, memo));
    conditions.push(...reused.conditions);
    return reused.input;
  });
  const management = options.managementCluster;
  const configClusters = snapshot.clusters.filter((c) => management === undefined || c.name === management);
  const found = (kind: FleetKind) => configClusters.flatMap((c) => listOf(c, kind, memo?.memos).map((object) => ({ cluster: c.name, object })));
  const ws = toWorkspaces(found("Workspace"), found("WorkspaceSetting"));
  // Unnamed management cluster: any stale cluster might have held configuration.
  const configStale = (management !== undefined && configClusters.length === 0) || configClusters.some(isStale);
  const input: PlanInput = {
    clusters,
    workspaces: ws.workspaces,
    ...(options.resolvedHostnames ? { resolvedHostnames: options.resolvedHostnames } : {}),
    ...(options.allowLoopbackGatewayAddresses ? { allowLoopbackGatewayAddresses: true } : {}),
  };
  return { input, conditions: [...conditions, ...ws.conditions], configStale };
}
