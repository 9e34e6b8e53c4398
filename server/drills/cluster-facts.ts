// What the drill runner reads of the drilled cluster from the fleet snapshot (pure): the namespace's opt-in, the
// Service and the local Deployments and pods it selects, whether the cluster can inject FailRequests (its Nodes
// say so), and the other drills on the same service.
//
// A Deployment is "behind" the Service when its pod template carries every label of the Service's selector: the
// pods it makes are the ones the Service sends traffic to (the cache keeps no ReplicaSets to follow owners by).
import { DRILL_FAULT_ANNOTATION, DRILL_FAULT_VALUE, DRILL_OPT_IN_ANNOTATION, FAULT_INJECTION_NODE_LABEL, FAULT_INJECTION_NODE_VALUE, FINAL_PHASES, failoverDrillSchema, type FailoverDrill } from "@/lib/drills/schema";
import type { DrillWorld } from "@/lib/drills/machine-types";
import type { CachedObject, ClusterSnapshot } from "@/lib/fleet/snapshot-types";
import { podReady } from "@/lib/readiness/gateway-pods";

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Rec) : undefined);
const labelsOf = (v: unknown): Record<string, string> => Object.fromEntries(Object.entries(rec(v) ?? {}).filter((e): e is [string, string] => typeof e[1] === "string"));
const covers = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels[k] === v);

export type ServiceFacts = {
  selector: Record<string, string>;
  /** The first port (the probe's target); undefined for a Service without ports. */
  port?: number;
};

export function serviceOf(cluster: ClusterSnapshot, namespace: string, name: string): ServiceFacts | undefined {
  const svc = cluster.objects.Service.get(`${namespace}/${name}`);
  if (!svc) return undefined;
  const spec = rec(svc.spec);
  const first = rec(Array.isArray(spec?.ports) ? spec.ports[0] : undefined);
  return { selector: labelsOf(spec?.selector), ...(typeof first?.port === "number" ? { port: first.port } : {}) };
}

export function namespaceOptedIn(cluster: ClusterSnapshot, namespace: string): boolean {
  return cluster.objects.Namespace.get(namespace)?.metadata.annotations?.[DRILL_OPT_IN_ANNOTATION] === "enabled";
}

/** Deployments whose pods the selector selects; none for a Service without a selector. */
export function deploymentsBehind(cluster: ClusterSnapshot, namespace: string, selector: Record<string, string>): DrillWorld["deployments"] {
  if (Object.keys(selector).length === 0) return [];
  const out: DrillWorld["deployments"] = [];
  for (const d of cluster.objects.Deployment.values()) {
    if (d.metadata.namespace !== namespace) continue;
    const template = labelsOf(rec(rec(rec(d.spec)?.template)?.metadata)?.labels);
    if (!covers(selector, template)) continue;
    const replicas = rec(d.spec)?.replicas;
    const ready = rec(d.status)?.readyReplicas;
    out.push({ name: d.metadata.name, uid: d.metadata.uid ?? "", replicas: typeof replicas === "number" ? replicas : 1, readyReplicas: typeof ready === "number" ? ready : 0 });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Live pods the selector selects (not being deleted), with whether each carries the FailRequests fault now. */
export function podsBehind(cluster: ClusterSnapshot, namespace: string, selector: Record<string, string>): DrillWorld["pods"] {
  if (Object.keys(selector).length === 0) return [];
  const out: DrillWorld["pods"] = [];
  for (const p of cluster.objects.Pod.values()) {
    if (p.metadata.namespace !== namespace || p.metadata.deletionTimestamp) continue;
    if (!covers(selector, p.metadata.labels ?? {})) continue;
    out.push({ name: p.metadata.name, uid: p.metadata.uid ?? "", ready: podReady(p), faulted: p.metadata.annotations?.[DRILL_FAULT_ANNOTATION] === DRILL_FAULT_VALUE });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The cluster can inject FailRequests when one of its Nodes says its data plane honours the pod annotation. */
export function failRequestsSupported(cluster: ClusterSnapshot): boolean {
  for (const n of cluster.objects.Node.values()) if (n.metadata.labels?.[FAULT_INJECTION_NODE_LABEL] === FAULT_INJECTION_NODE_VALUE) return true;
  return false;
}

/** A cached FailoverDrill parsed with the schema; undefined for an object that is not one (never trusted). */
export function parseDrill(object: CachedObject): FailoverDrill | undefined {
  const parsed = failoverDrillSchema.safeParse(object);
  return parsed.success ? parsed.data : undefined;
}

export const isFinal = (drill: FailoverDrill) => drill.status?.phase !== undefined && FINAL_PHASES.includes(drill.status.phase);

/** Past Pending (it holds the service), or an earlier Pending one (by creation, then name): two at once never block each other. */
function before(other: FailoverDrill, drill: FailoverDrill): boolean {
  const phase = other.status?.phase ?? "Pending";
  if (phase !== "Pending") return true;
  if ((drill.status?.phase ?? "Pending") !== "Pending") return false;
  const a = other.metadata.creationTimestamp ?? "";
  const b = drill.metadata.creationTimestamp ?? "";
  return a < b || (a === b && other.metadata.name < drill.metadata.name);
}

/** Other drills on the same service in the same namespace, not final, that hold (or will first get) the service. */
export function otherRunning(cluster: ClusterSnapshot, drill: FailoverDrill): string[] {
  const out: string[] = [];
  for (const object of cluster.objects.FailoverDrill.values()) {
    if (object.metadata.namespace !== drill.metadata.namespace || object.metadata.name === drill.metadata.name) continue;
    const other = parseDrill(object);
    if (!other || other.spec.service !== drill.spec.service || isFinal(other)) continue;
    if (before(other, drill)) out.push(other.metadata.name);
  }
  return out.sort();
}

/** The probe Pod named `name` in the namespace: whether it exists (not being deleted) and is Ready. */
export function probeState(cluster: ClusterSnapshot, namespace: string, name: string | undefined): { exists: boolean; ready: boolean; uid?: string } {
  const pod = name ? cluster.objects.Pod.get(`${namespace}/${name}`) : undefined;
  if (!pod || pod.metadata.deletionTimestamp) return { exists: false, ready: false };
  return { exists: true, ready: podReady(pod), ...(pod.metadata.uid ? { uid: pod.metadata.uid } : {}) };
}
