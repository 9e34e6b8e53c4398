// The drill's precheck, from what the runner observed (DrillWorld): each check says in plain words what holds or
// what to fix, and carries a machine reason (a CamelCase condition reason, as Kubernetes conditions do). A
// `required` check that fails stops the drill before anything is touched; an advised one is only reported.
import { checkDrillDuration, parseGoDuration } from "./duration";
import type { DrillWorld } from "./machine-types";
import { DRILL_FAULT_ANNOTATION, DRILL_FAULT_VALUE, DRILL_OPT_IN_ANNOTATION, FAULT_INJECTION_NODE_LABEL, FAULT_INJECTION_NODE_VALUE } from "./schema";

/** Structurally a DrillCheck (server/drills/types.ts) plus its reason and weight. */
export type DrillPrecheck = { name: string; ok: boolean; message: string; reason: string; required: boolean };

const check = (name: string, ok: boolean, reason: string, message: string, required = true): DrillPrecheck => ({ name, ok, message, reason, required });

function durationCheck(text: string): DrillPrecheck {
  const parsed = parseGoDuration(text);
  if (!parsed.ok) return check("Maximum duration", false, "InvalidDuration", parsed.message);
  const capped = checkDrillDuration(parsed.seconds);
  if (!capped.ok) return check("Maximum duration", false, parsed.seconds > 0 ? "DurationTooLong" : "InvalidDuration", capped.message);
  return check("Maximum duration", true, "DurationAllowed", `the fault is undone after ${text} at the latest`);
}

function workloadCheck(world: DrillWorld): DrillPrecheck {
  const { service, fault } = world.drill.spec;
  const where = `in ${world.drill.metadata.namespace} of ${world.cluster}`;
  if (fault === "ScaleToZero") {
    const running = world.deployments.filter((d) => d.replicas > 0);
    if (running.length === 0) return check("Local workload", false, "NoLocalWorkload", `no Deployment with replicas runs the pods of ${service} ${where}: there is nothing to scale to zero`);
    return check("Local workload", true, "LocalWorkloadFound", `will scale ${running.map((d) => `${d.name} (${d.replicas} → 0)`).join(", ")}`);
  }
  if (world.pods.length === 0) return check("Local workload", false, "NoLocalWorkload", `no pod of ${service} runs ${where}: there is nothing to fail`);
  return check("Local workload", true, "LocalWorkloadFound", `will annotate ${world.pods.map((p) => p.name).join(", ")} with ${DRILL_FAULT_ANNOTATION}=${DRILL_FAULT_VALUE}`);
}

function faultCheck(world: DrillWorld): DrillPrecheck {
  if (world.drill.spec.fault === "ScaleToZero") return check("Fault supported", true, "FaultSupported", "scaling a Deployment works on every cluster");
  if (world.failRequestsSupported) return check("Fault supported", true, "FaultSupported", `${world.cluster} fails the requests of annotated pods`);
  return check(
    "Fault supported",
    false,
    "FaultUnsupported",
    `${world.cluster} cannot fail requests on demand (no Node labelled ${FAULT_INJECTION_NODE_LABEL}=${FAULT_INJECTION_NODE_VALUE}): use ScaleToZero`,
  );
}

/** Istio's outlier detection default: at most 10 % of a cluster's hosts ejected. */
const ISTIO_MAX_EJECTION_PERCENT = 10;

/**
 * Whether outlier detection may eject every local pod answering 503. Envoy ejects one more host only while the
 * ejected share, that host included, stays within maxEjectionPercent (envoyproxy/envoy#26877; Istio sets no
 * always_eject_one_host): all `local` pods go only if 100 × local / hosts ≤ max. Otherwise the failing pods keep
 * their share of the traffic and the drill would fail real requests until its stop condition.
 */
function ejectionCheck(world: DrillWorld): DrillPrecheck | undefined {
  const { service } = world.drill.spec;
  const local = world.pods.length;
  const remote = world.failover.remoteHosts ?? 0;
  // No remote host known: nothing to fail over to, which the failover-target check already says.
  if (local === 0 || remote === 0) return undefined;
  const hosts = local + remote;
  const max = world.failover.maxEjectionPercent ?? ISTIO_MAX_EJECTION_PERCENT;
  const needed = Math.ceil((100 * local) / hosts);
  if (needed <= max) return undefined;
  return check(
    "Outlier detection",
    false,
    "EjectionCapTooLow",
    `outlier detection may eject at most ${max} % of ${service}'s ${hosts} hosts in ${world.cluster}, so its ${local} failing pod(s) would keep their traffic; set maxEjectionPercent to at least ${needed} in its DestinationRule, or use ScaleToZero`,
  );
}

function outlierCheck(world: DrillWorld): DrillPrecheck {
  const { service, fault } = world.drill.spec;
  if (world.failover.outlierDetection) {
    const capped = fault === "FailRequests" ? ejectionCheck(world) : undefined;
    return capped ?? check("Outlier detection", true, "OutlierDetectionConfigured", `a DestinationRule gives ${service} outlier detection`);
  }
  if (fault === "FailRequests") {
    // Pods answering 5xx stay endpoints until outlier detection ejects them (domain.md §3b): without it the
    // failing local instance keeps its share of traffic and nothing fails over.
    return check("Outlier detection", false, "NoOutlierDetection", `${service} has no outlier detection: failing pods stay endpoints and traffic never moves; add a DestinationRule with trafficPolicy.outlierDetection`);
  }
  // Scaling to zero removes the endpoints, so traffic moves anyway; but without outlier detection Istio's locality
  // load balancing is off and traffic was never kept local in the first place.
  return check("Outlier detection", false, "OutlierDetectionAdvised", `advised: ${service} has no outlier detection, so traffic is not kept local (locality load balancing is off); the drill still runs`, false);
}

export function precheck(world: DrillWorld): DrillPrecheck[] {
  const { service } = world.drill.spec;
  const namespace = world.drill.metadata.namespace;
  const { failover } = world;
  const detail = failover.reason ? `: ${failover.reason}` : "";
  return [
    durationCheck(world.drill.spec.maxDuration),
    world.namespaceOptedIn
      ? check("Namespace opted in", true, "NamespaceOptedIn", `namespace ${namespace} allows drills`)
      : check("Namespace opted in", false, "NamespaceNotOptedIn", `namespace ${namespace} has not opted in to drills: kubectl annotate namespace ${namespace} ${DRILL_OPT_IN_ANNOTATION}=enabled`),
    world.serviceExists
      ? check("Service", true, "ServiceFound", `Service ${service} exists in ${namespace} of ${world.cluster}`)
      : check("Service", false, "ServiceNotFound", `there is no Service ${service} in ${namespace} of ${world.cluster}`),
    workloadCheck(world),
    faultCheck(world),
    failover.targetExists
      ? check("Failover target", true, "FailoverTargetFound", `another cluster runs ${service} and ${world.cluster} can reach it (shadow WorkloadEntries)`)
      : check("Failover target", false, "NoFailoverTarget", `${world.cluster} has no failover target for ${service}${detail}`),
    failover.remoteReady
      ? check("Remote ready", true, "RemoteReady", `a remote instance of ${service} is ready`)
      : check("Remote ready", false, "RemoteNotReady", `no remote instance of ${service} is ready${detail}`),
    failover.gatewaysReady
      ? check("Gateways ready", true, "GatewaysReady", "the east-west gateways on the way are ready")
      : check("Gateways ready", false, "GatewaysNotReady", `an east-west gateway on the way is not ready${detail}`),
    outlierCheck(world),
    world.otherRunning.length === 0
      ? check("One drill at a time", true, "NoOtherDrill", `no other drill runs on ${service}`)
      : check("One drill at a time", false, "AnotherDrillRunning", `drill ${world.otherRunning.join(", ")} is already running on ${service}`),
  ];
}

/** The required checks that failed (empty: the drill may start). */
export function blockingChecks(checks: readonly DrillPrecheck[]): DrillPrecheck[] {
  return checks.filter((c) => c.required && !c.ok);
}
