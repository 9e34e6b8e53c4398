// A drill the user asks for, checked against what the console knows now (the fleet snapshot and the model), before
// anything is written: the refusals of issue 13's "Bad input" as data naming the field, and otherwise the world
// the new drill would start in (for the plan's checks, the machine's own precheck).
import { drillDurationSeconds } from "@/lib/drills/duration";
import type { DrillWorld } from "@/lib/drills/machine-types";
import { DRILL_API_VERSION, DRILL_KIND, drillSpecSchema, type FailoverDrill } from "@/lib/drills/schema";
import type { ClusterSnapshot, FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { deploymentsBehind, failRequestsSupported, isFinal, namespaceOptedIn, parseDrill, podsBehind, serviceOf, type ServiceFacts } from "./cluster-facts";
import type { FailoverFacts } from "./failover-facts";
import type { DrillInput, DrillRefusal } from "./types";

export type InputDeps = {
  snapshot: () => FleetSnapshot;
  failover: (cluster: string, namespace: string, service: string) => Promise<FailoverFacts>;
  now: () => number;
};

export type CheckedInput =
  | { ok: true; cluster: ClusterSnapshot; drill: FailoverDrill; seconds: number; service: ServiceFacts; world: DrillWorld; failover: FailoverFacts }
  | { ok: false; refusal: DrillRefusal };

const refuse = (code: DrillRefusal["code"], field: DrillRefusal["field"], message: string): CheckedInput => ({ ok: false, refusal: { code, ...(field ? { field } : {}), message } });

/** Drills on the service in the namespace that are not final. */
function running(cluster: ClusterSnapshot, namespace: string, service: string): string[] {
  const out: string[] = [];
  for (const object of cluster.objects.FailoverDrill.values()) {
    if (object.metadata.namespace !== namespace) continue;
    const drill = parseDrill(object);
    if (drill && drill.spec.service === service && !isFinal(drill)) out.push(drill.metadata.name);
  }
  return out.sort();
}

export function newDrill(input: DrillInput, name: string): FailoverDrill {
  const spec = drillSpecSchema.parse({ service: input.service, fault: input.fault, maxDuration: input.maxDuration, ...(input.stopCondition ? { stopCondition: input.stopCondition } : {}) });
  return { apiVersion: DRILL_API_VERSION, kind: DRILL_KIND, metadata: { name, namespace: input.namespace }, spec };
}

export async function checkInput(deps: InputDeps, input: DrillInput): Promise<CheckedInput> {
  const snapshot = deps.snapshot();
  const cluster = snapshot.clusters.find((c) => c.name === input.cluster);
  if (!cluster) return refuse("unknown-cluster", "cluster", `There is no cluster ${input.cluster} in the console's kubeconfig.`);
  if (cluster.state !== "synced") {
    const since = cluster.staleSince ? ` since ${cluster.staleSince}` : "";
    return refuse("stale-cluster", "cluster", `${input.cluster} is ${cluster.state === "stale" ? `unreachable${since}` : "still syncing"}: the console cannot see what a drill would change there. Try again once it is synced.`);
  }
  const duration = drillDurationSeconds(input.maxDuration);
  if (!duration.ok) return refuse("duration-too-long", "maxDuration", duration.message);
  const service = serviceOf(cluster, input.namespace, input.service);
  if (!service) return refuse("unknown-service", "service", `There is no Service ${input.service} in namespace ${input.namespace} of ${input.cluster}.`);
  const deployments = deploymentsBehind(cluster, input.namespace, service.selector);
  const pods = podsBehind(cluster, input.namespace, service.selector);
  const local = input.fault === "ScaleToZero" ? deployments.some((d) => d.replicas > 0) : pods.length > 0;
  if (!local) {
    const what = input.fault === "ScaleToZero" ? "no Deployment with replicas runs its pods" : "no pod of it runs";
    return refuse("no-local-workload", "service", `${input.service} has no local workload in ${input.namespace} of ${input.cluster} (${what}): there is nothing to fail there.`);
  }
  if (!namespaceOptedIn(cluster, input.namespace)) {
    return refuse("not-opted-in", "namespace", `Namespace ${input.namespace} in ${input.cluster} has not opted in to drills: kubectl --context ${input.cluster} annotate namespace ${input.namespace} eastwest.dev/drills=enabled`);
  }
  if (input.fault === "FailRequests" && !failRequestsSupported(cluster)) {
    return refuse("fault-unsupported", "fault", `${input.cluster} cannot fail requests on demand (no Node says eastwest.dev/fault-injection=pod-annotation); use ScaleToZero.`);
  }
  const others = running(cluster, input.namespace, input.service);
  if (others.length > 0) return refuse("already-running", "service", `Drill ${others.join(", ")} is already running on ${input.service} in ${input.cluster}; one drill per service at a time.`);
  const failover = await deps.failover(input.cluster, input.namespace, input.service);
  const drill = newDrill(input, "new");
  const world: DrillWorld = {
    now: deps.now(),
    cluster: input.cluster,
    drill,
    reachable: true,
    namespaceOptedIn: true,
    serviceExists: true,
    deployments,
    pods,
    failRequestsSupported: failRequestsSupported(cluster),
    failover,
    otherRunning: [],
    probe: { exists: false, ready: false, samples: [] },
  };
  return { ok: true, cluster, drill, seconds: duration.seconds, service, world, failover };
}
