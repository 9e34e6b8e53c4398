// One east-west gateway's state in one cluster, from the cached objects the installer produced: the
// IngressGateway, pods labelled app=<name> in its namespace, and the Service named after it (type, published
// addresses from status.loadBalancer.ingress or the xcp external-addresses annotation, port 15443). Phase and
// problems are plain words for the workspace page.
import type { CachedObject, ClusterSnapshot } from "@/lib/fleet/snapshot-types";
import { isManagedByConsole } from "@/lib/manifests/manifest";
import { EAST_WEST_PORT } from "@/lib/plan/gateways";
import { countPods } from "@/lib/readiness/gateway-pods";
import { EXTERNAL_ADDRESSES_ANNOTATION } from "@/lib/plan/gateway-addresses";
import type { GatewayPhase, GatewayState } from "@/lib/workspace-view/types";
import { addressProblemsOf, type AddressCondition } from "./gateway-address-problems";

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Rec) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function podsOf(cluster: ClusterSnapshot, namespace: string, name: string): GatewayState["pods"] {
  return countPods(cluster.objects.Pod.values(), namespace, { app: name });
}

function addressesOf(svc: CachedObject): string[] {
  const annotation = svc.metadata.annotations?.[EXTERNAL_ADDRESSES_ANNOTATION]?.trim();
  if (annotation) return annotation.split(",").map((s) => s.trim()).filter((s) => s !== "");
  return arr(rec(rec(svc.status)?.loadBalancer)?.ingress).flatMap((i) => {
    const ip = rec(i)?.ip;
    const hostname = rec(i)?.hostname;
    return typeof ip === "string" && ip !== "" ? [ip] : typeof hostname === "string" && hostname !== "" ? [hostname] : [];
  });
}

function serviceOf(cluster: ClusterSnapshot, namespace: string, name: string): GatewayState["service"] {
  const svc = cluster.objects.Service.get(`${namespace}/${name}`);
  if (!svc) return undefined;
  const type = rec(svc.spec)?.type;
  const has15443 = arr(rec(svc.spec)?.ports).some((p) => rec(p)?.port === EAST_WEST_PORT);
  return { type: typeof type === "string" ? type : "ClusterIP", addresses: addressesOf(svc), has15443 };
}

function problemsOf(pods: GatewayState["pods"], service: GatewayState["service"], eastWestOnly: boolean): { problems: string[]; blocking: boolean } {
  const problems: string[] = [];
  if (!eastWestOnly) problems.push("spec.eastWestOnly is not true, so this is not an east-west gateway");
  if (pods.crashLooping > 0) problems.push(`${pods.crashLooping} pod${pods.crashLooping === 1 ? "" : "s"} crash-looping`);
  if (pods.total === 0) problems.push("no gateway pods yet");
  // Published addresses with no ready pod: other clusters are sent to an address nothing answers on.
  else if (pods.ready === 0) problems.push((service?.addresses.length ?? 0) > 0 ? `addresses published but none of ${pods.total} pods ready: remote traffic to it fails` : `none of ${pods.total} pods ready yet`);
  if (!service) problems.push("no gateway Service yet");
  else {
    if (!service.has15443) problems.push(`port ${EAST_WEST_PORT} missing from the Service`);
    if (service.addresses.length === 0) problems.push(service.type === "LoadBalancer" ? "no external address published yet" : `Service type ${service.type} publishes no external address`);
  }
  const blocking = !eastWestOnly || pods.crashLooping > 0 || (service !== undefined && (!service.has15443 || (service.type !== "LoadBalancer" && service.addresses.length === 0)));
  return { problems, blocking };
}

/** `conditions`: the planner's (or registry's) conditions; those about this gateway's addresses block "Ready". */
export function gatewayState(cluster: ClusterSnapshot, gw: CachedObject, conditions: readonly AddressCondition[] = []): GatewayState {
  const { name } = gw.metadata;
  const namespace = gw.metadata.namespace ?? "";
  const pods = podsOf(cluster, namespace, name);
  const service = serviceOf(cluster, namespace, name);
  const own = problemsOf(pods, service, rec(gw.spec)?.eastWestOnly === true);
  const addresses = addressProblemsOf(conditions, { cluster: cluster.name, namespace, name }, (service?.addresses.length ?? 0) > 0);
  const problems = [...own.problems, ...addresses.problems];
  const blocking = own.blocking || addresses.blocking;
  const phase: GatewayPhase = blocking ? "problem" : problems.length === 0 ? "ready" : "progressing";
  return {
    cluster: cluster.name,
    name,
    namespace,
    ...(gw.metadata.creationTimestamp ? { createdAt: gw.metadata.creationTimestamp } : {}),
    managedByConsole: isManagedByConsole(gw),
    pods,
    ...(service ? { service } : {}),
    phase,
    problems,
  };
}

/** The cluster's IngressGateways in `namespaces` (the workspace's), sorted by namespace/name. */
export function gatewayStates(cluster: ClusterSnapshot, namespaces: readonly string[], conditions: readonly AddressCondition[] = []): GatewayState[] {
  return [...cluster.objects.IngressGateway.entries()]
    .filter(([, gw]) => namespaces.includes(gw.metadata.namespace ?? ""))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, gw]) => gatewayState(cluster, gw, conditions));
}
