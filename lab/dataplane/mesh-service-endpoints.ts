// The endpoints of a Kubernetes Service as istiod builds them for one cluster's sidecars: the ready endpoints of
// its EndpointSlices (local pods) and the WorkloadEntries of its namespace that its selector selects (Istio
// treats a selected WorkloadEntry like a pod of the Service: that is how shadow entries add remote instances).
import type { KubeObject } from "../apiserver/types";
import { CLUSTER_LABEL, NETWORK_LABEL, parseLocality, type Candidate } from "./locality-priority";
import { type MeshIndex } from "./mesh-index";
import { arr, rec, strings } from "./mesh-json";
import { clusterNetwork, podLocality, type ClusterPlace } from "./mesh-topology";
import { outboundSni } from "./sni";
import type { MeshEndpoint } from "./types";

export const REMOTE_GATEWAY_PORT = 15443;
/** Addresses and names in numeric order (one collator: making one per comparison costs microseconds). */
const byNumbers = new Intl.Collator("en", { numeric: true });
const HEALTH_CHECKS_ANNOTATION = "proxy.istio.io/health-checks-enabled";

export interface ServicePort {
  name: string;
  port: number;
  targetPort: number | string;
}

/** The Service's port numbered `port`, or undefined (a request to another port has no route). */
export function servicePort(svc: KubeObject, port: number): ServicePort | undefined {
  for (const raw of arr(rec(svc.spec).ports)) {
    const p = rec(raw);
    if (p.port !== port) continue;
    const target = typeof p.targetPort === "number" || typeof p.targetPort === "string" ? p.targetPort : port;
    return { name: typeof p.name === "string" ? p.name : "", port, targetPort: target };
  }
  return undefined;
}

/** Ready endpoints of the Service's EndpointSlices, each on its pod's loopback address. */
export function podCandidates(index: MeshIndex, place: ClusterPlace, svc: KubeObject, sp: ServicePort): Candidate[] {
  const network = clusterNetwork(index, place.cluster);
  const ns = svc.metadata.namespace ?? "";
  const out: Candidate[] = [];
  for (const slice of index.slices.get(`${ns}/${svc.metadata.name ?? ""}`)?.values() ?? []) {
    const port = arr(slice.ports).map(rec).find((p) => (typeof p.name === "string" ? p.name : "") === sp.name)?.port;
    if (typeof port !== "number") continue;
    for (const raw of arr(slice.endpoints)) {
      const ep = rec(raw);
      // An endpoint is ready unless it says otherwise (discovery/v1: a nil `ready` means ready). Terminating pods
      // turn ready:false at once and leave the priorities at the next push.
      if (rec(ep.conditions).ready === false) continue;
      const ip = arr(ep.addresses).find((a): a is string => typeof a === "string");
      const address = ip === undefined ? undefined : place.podAddress(place.clusterIndex, ip);
      if (address === undefined) continue;
      const target = rec(ep.targetRef);
      const podName = typeof target.name === "string" ? target.name : ip;
      const labels = index.podLabels.get(`${ns}/${podName}`) ?? {};
      const nodeName = typeof ep.nodeName === "string" ? ep.nodeName : undefined;
      const endpoint: MeshEndpoint = {
        address, port, kind: "pod", source: `Pod ${ns}/${podName}`,
        network: labels[NETWORK_LABEL] || network,
        locality: podLocality(index, labels, nodeName),
      };
      out.push({ endpoint, labels: { ...labels, [CLUSTER_LABEL]: place.cluster } });
    }
  }
  return out.sort((a, b) => byNumbers.compare(a.endpoint.address, b.endpoint.address));
}

/** A WorkloadEntry's Healthy condition, when it opted into health checks. */
function entryHealthy(we: KubeObject): boolean {
  if (we.metadata.annotations?.[HEALTH_CHECKS_ANNOTATION] !== "true") return true;
  return arr(rec(we.status).conditions).some((c) => rec(c).type === "Healthy" && rec(c).status === "True");
}

/** The entry's port for a service port: `ports[<port name>]`, else the target port, as Istio maps them. */
export function entryPort(ports: Record<string, unknown>, sp: ServicePort): number {
  const mapped = ports[sp.name] ?? (typeof sp.targetPort === "string" ? ports[sp.targetPort] : undefined);
  if (typeof mapped === "number") return mapped;
  return typeof sp.targetPort === "number" ? sp.targetPort : sp.port;
}

/** WorkloadEntries of the Service's namespace whose labels its selector selects. */
export function workloadEntryCandidates(index: MeshIndex, place: ClusterPlace, svc: KubeObject, sp: ServicePort, fqdn: string): Candidate[] {
  const selector = strings(rec(svc.spec).selector);
  // A Service without a selector selects nothing (its endpoints are managed by hand), WorkloadEntries included.
  if (Object.keys(selector).length === 0) return [];
  const local = clusterNetwork(index, place.cluster);
  const ns = svc.metadata.namespace ?? "";
  const out: Candidate[] = [];
  for (const we of index.selectEntries(ns, selector)) {
    const spec = rec(we.spec);
    const labels = strings(spec.labels);
    if (typeof spec.address !== "string" || spec.address === "" || !entryHealthy(we)) continue;
    const port = entryPort(rec(spec.ports), sp);
    const network = typeof spec.network === "string" && spec.network !== "" ? spec.network : local;
    const endpoint: MeshEndpoint = {
      address: spec.address, port, kind: "workload-entry", source: `WorkloadEntry ${ns}/${we.metadata.name ?? ""}`,
      network, locality: parseLocality(typeof spec.locality === "string" ? spec.locality : undefined),
      ...(network !== local || port === REMOTE_GATEWAY_PORT ? { sni: outboundSni(sp.port, fqdn) } : {}),
    };
    out.push({ endpoint, labels });
  }
  return out.sort((a, b) => byNumbers.compare(a.endpoint.source, b.endpoint.source));
}

/** Every endpoint istiod would send for the Service's port. */
export function serviceCandidates(index: MeshIndex, place: ClusterPlace, svc: KubeObject, sp: ServicePort, fqdn: string): Candidate[] {
  return [...podCandidates(index, place, svc, sp), ...workloadEntryCandidates(index, place, svc, sp, fqdn)];
}
