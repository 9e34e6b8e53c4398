// One observation of a drill: the DrillWorld the machine decides from. The drill object itself is read live (a
// GET) rather than from the cache, because the runner's own last status write may not have come back through the
// informer yet, and deciding from an older status could, e.g., record the undo after the fault was injected. The
// rest comes from the fleet snapshot (the cluster's objects), the fleet model (the failover state) and the
// probe's log. When the cluster cannot be reached, the cached drill stands in and `reachable` is false: the
// machine then only waits.
import type { DrillWorld } from "@/lib/drills/machine-types";
import type { FailoverDrill } from "@/lib/drills/schema";
import type { ClusterSnapshot } from "@/lib/fleet/snapshot-types";
import type { DrillClient } from "@/server/kube/drill-client";
import { DRILL_FINALIZER } from "@/server/kube/drill-objects";
import type { DrillRef } from "./types";
import { deploymentsBehind, failRequestsSupported, namespaceOptedIn, otherRunning, parseDrill, podsBehind, probeState, serviceOf, type ServiceFacts } from "./cluster-facts";
import type { FailoverFacts } from "./failover-facts";
import { PROBE_CONTAINER, probePodName } from "@/lib/drills/probe-pod";
import type { ProbeFollow } from "./probe-follow";

export type ObserveDeps = {
  cluster: ClusterSnapshot;
  client: DrillClient | undefined;
  failover: (cluster: string, namespace: string, service: string) => Promise<FailoverFacts>;
  follow: ProbeFollow;
  now: () => number;
};

export type Observation =
  | { kind: "gone" }
  | { kind: "invalid"; message: string }
  | { kind: "syncing"; message: string }
  /**
   * `deleting`: the drill has a deletionTimestamp (kubectl delete): it is aborted, and stays until the runner's
   * finalizer is taken off. `finalized`: it carries the runner's finalizer now.
   */
  | { kind: "world"; world: DrillWorld; service: ServiceFacts | undefined; probeUid?: string; deleting: boolean; finalized: boolean };

type RawMeta = { metadata?: { deletionTimestamp?: unknown; finalizers?: unknown } };

export function finalizedBy(object: unknown, finalizer: string): boolean {
  const list = (object as RawMeta | undefined)?.metadata?.finalizers;
  return Array.isArray(list) && list.includes(finalizer);
}

async function liveDrill(deps: ObserveDeps, ref: DrillRef): Promise<{ reachable: boolean; object: unknown }> {
  const cached = deps.cluster.objects.FailoverDrill.get(`${ref.namespace}/${ref.name}`);
  if (!deps.client || deps.cluster.state === "stale") return { reachable: false, object: cached };
  const got = await deps.client.drills.get({ namespace: ref.namespace, name: ref.name });
  return got.ok ? { reachable: true, object: got.object } : { reachable: false, object: cached };
}

export async function observeDrill(deps: ObserveDeps, ref: DrillRef): Promise<Observation> {
  if (deps.cluster.state === "syncing") return { kind: "syncing", message: `${ref.cluster} is still being listed; the drill resumes once it is synced` };
  const live = await liveDrill(deps, ref);
  if (live.object === undefined) return { kind: "gone" };
  const drill: FailoverDrill | undefined = parseDrill(live.object as never);
  if (!drill) return { kind: "invalid", message: `FailoverDrill ${ref.namespace}/${ref.name} in ${ref.cluster} does not match the schema.` };
  const { cluster } = deps;
  const { namespace } = ref;
  const service = serviceOf(cluster, namespace, drill.spec.service);
  const selector = service?.selector ?? {};
  const probeName = drill.status?.undo?.probePod ?? probePodName(drill.metadata.name);
  const probe = probeState(cluster, namespace, probeName);
  let reachable = live.reachable;
  if (reachable && deps.client) {
    const client = deps.client;
    const read = (query: { sinceTime?: string; tailLines?: number }) =>
      client.probe.log(namespace, probeName, { container: PROBE_CONTAINER, ...query }).then((r) => (r.ok ? { ok: true as const, text: r.value } : { ok: false as const, message: r.message }));
    reachable = await deps.follow.update(probe.exists ? probe.uid : undefined, read);
  }
  const world: DrillWorld = {
    now: deps.now(),
    cluster: ref.cluster,
    drill,
    reachable,
    namespaceOptedIn: namespaceOptedIn(cluster, namespace),
    serviceExists: service !== undefined,
    deployments: deploymentsBehind(cluster, namespace, selector),
    pods: podsBehind(cluster, namespace, selector),
    failRequestsSupported: failRequestsSupported(cluster),
    failover: await deps.failover(ref.cluster, namespace, drill.spec.service),
    otherRunning: otherRunning(cluster, drill),
    probe: { exists: probe.exists, ready: probe.ready, samples: [...deps.follow.samples()] },
  };
  const deleting = typeof (live.object as RawMeta).metadata?.deletionTimestamp === "string";
  return { kind: "world", world, service, ...(probe.uid ? { probeUid: probe.uid } : {}), deleting, finalized: finalizedBy(live.object, DRILL_FINALIZER) };
}
