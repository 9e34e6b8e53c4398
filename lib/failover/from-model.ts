// The failover input of one workspace from what the console's fleet model already holds (server/model's
// ModelState): the planner input (`adapted.input`), the registry's observed objects (`registry.observed`), gateway
// pod counts and freshness from the snapshot (lib/readiness), and each Service's local endpoints.
//
// What the model does not hold today: the ready endpoint count of each Service per cluster. The fleet cache does
// watch EndpointSlices and Pods, and lib/readiness/ready-endpoints.ts `localEndpointsIn(snapshot)` counts them, but
// nothing in ModelState carries the counts, so they come in as `readyEndpoints` (undefined: unknown → the state is
// Unknown, never Unavailable). Two more limits of the observed objects: a WorkloadEntry's `Healthy` condition
// (domain.md §3.11, WorkloadEntries with health checks) is not read — ObservedObject keeps no status — and a kind
// a cluster does not watch (ObservedCluster.unobservedKinds) reads as no objects of that kind.
import { workspaceServices } from "@/lib/plan/exposure";
import type { PlanInput, WorkspaceInput } from "@/lib/plan/input";
import { readinessContext, type Freshness, type ReadinessContext } from "@/lib/readiness/context";
import { gatewayKey, type GatewayPods } from "@/lib/readiness/gateway-pods";
import { rulesByHost } from "@/lib/readiness/rules-by-host";
import type { ObservedCluster, ObservedObject } from "@/lib/registry/types";
import { drain, type Steps } from "@/lib/steps";
import { serviceEntriesOf, shadowEntriesSteps, type Selecting } from "./observed-entries";
import type { ClusterFacts, EndpointCount, Exposure, FailoverInput, GatewayFacts, ServiceFacts } from "./types";

/**
 * Shadow WorkloadEntries per cluster, kept across calls by the caller (one per fleet model): matching them walks every
 * WorkloadEntry of a cluster (10^4–10^5), so a cluster whose observed objects and selecting Services are unchanged
 * is not walked again. Keyed by the observed list's identity (the model keeps it while the cluster is unchanged),
 * then by the Services' selectors (workspaces sharing a cluster select differently).
 */
export type ShadowMemo = WeakMap<readonly ObservedObject[], Map<string, ClusterFacts["shadowEntries"]>>;

export function createShadowMemo(): ShadowMemo {
  return new WeakMap();
}

function* shadowEntries(memo: ShadowMemo | undefined, objects: readonly ObservedObject[], selecting: readonly Selecting[]): Steps<ClusterFacts["shadowEntries"]> {
  if (!memo) return yield* shadowEntriesSteps(objects, selecting);
  const key = JSON.stringify(selecting.map((s) => [s.fqdn, s.namespace, s.selector]));
  let byKey = memo.get(objects);
  if (!byKey) memo.set(objects, (byKey = new Map()));
  let value = byKey.get(key);
  if (!value) byKey.set(key, (value = yield* shadowEntriesSteps(objects, selecting)));
  return value;
}

export type ModelFacts = {
  /** The planner input (ModelState.adapted.input). */
  input: PlanInput;
  /** One of `input.workspaces`. */
  workspace: WorkspaceInput;
  /** What the registry observed per cluster (ModelState.registry.observed). */
  observed: readonly ObservedCluster[];
  /** Pods of each gateway by gatewayKey (lib/readiness/gateway-pods.ts gatewayPodsOf(snapshot, input)). */
  gatewayPods: ReadonlyMap<string, GatewayPods>;
  /** Since when each stale cluster is stale (lib/readiness/from-snapshot.ts freshness). */
  freshness?: ReadonlyMap<string, Freshness>;
  /** `(cluster, fqdn)` → the Service's local endpoints (localEndpointsIn(snapshot)); undefined when unknown. */
  readyEndpoints: (cluster: string, fqdn: string) => EndpointCount | undefined;
  /** Kept by the caller across calls (createShadowMemo); without it every cluster's WorkloadEntries are walked. */
  shadowMemo?: ShadowMemo;
};

/** The WorkspaceSetting's exposure (domain.md §3.1). */
export function exposureOf(workspace: WorkspaceInput): Exposure {
  const setting = workspace.setting;
  if (!setting) return { setting: false };
  return setting.exposedServices ? { setting: true, exposedServices: setting.exposedServices } : { setting: true };
}

/** The gateway serving the workspace in a cluster (the planner's choice), with its ready pods. */
function gatewaysOf(ctx: ReadinessContext, facts: ModelFacts, cluster: string): GatewayFacts[] {
  const serving = ctx.gateways.get(cluster)?.serving;
  if (!serving) return [];
  const { namespace, name } = serving.gateway;
  const readyPods = facts.gatewayPods.get(gatewayKey(cluster, namespace, name))?.ready ?? 0;
  return [{ namespace, name, readyPods, addresses: serving.addresses }];
}

/** Every cluster the workspace spans, as failoverStates sees it (failoverInputSteps drained). */
export function failoverInputFrom(facts: ModelFacts): FailoverInput {
  return drain(failoverInputSteps(facts));
}

/** Every cluster the workspace spans, as failoverStates sees it, in steps: one pause per cluster. */
export function* failoverInputSteps(facts: ModelFacts): Steps<FailoverInput> {
  const ctx = readinessContext(facts.input, facts.workspace, facts.freshness ? { freshness: facts.freshness } : {});
  const services = workspaceServices(ctx.scope, ctx.spanned);
  const wanted = new Set(services.keys());
  const covering = rulesByHost();
  const observed = new Map(facts.observed.map((o) => [o.name, o.objects]));
  yield;
  const clusters: ClusterFacts[] = [];
  for (const cluster of ctx.spanned) {
    clusters.push(yield* clusterFacts(cluster));
    yield;
  }
  return { clusters, exposure: exposureOf(facts.workspace) };

  function* clusterFacts(cluster: (typeof ctx.spanned)[number]): Steps<ClusterFacts> {
    const own = [...services.values()].flatMap((svc) => svc.instances.filter((i) => i.cluster === cluster).map((i) => ({ svc, service: i.service })));
    const running: ServiceFacts[] = own.map(({ svc, service }) => ({
      fqdn: svc.fqdn,
      namespace: svc.namespace,
      ports: service.ports.map((p) => p.port),
      endpoints: facts.readyEndpoints(cluster.name, svc.fqdn),
    }));
    const selecting: Selecting[] = own.map(({ svc, service }) => ({ fqdn: svc.fqdn, namespace: svc.namespace, selector: service.selector }));
    const objects = observed.get(cluster.name) ?? [];
    const since = ctx.freshness.get(cluster.name)?.staleSince;
    const shadows = yield* shadowEntries(facts.shadowMemo, objects, selecting);
    return {
      name: cluster.name,
      stale: cluster.stale,
      ...(since ? { staleSince: since } : {}),
      ...(cluster.locality ? { locality: cluster.locality } : {}),
      gateways: gatewaysOf(ctx, facts, cluster.name),
      services: running,
      serviceEntries: serviceEntriesOf(objects, wanted),
      shadowEntries: shadows,
      outlierDetection: running.filter((s) => covering(cluster, s.fqdn).some((dr) => dr.hasOutlierDetection)).map((s) => s.fqdn),
    };
  }
}
