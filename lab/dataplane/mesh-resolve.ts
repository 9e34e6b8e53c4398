// What a sidecar of one cluster does with host:port, computed from that cluster's index alone:
//   1. a Kubernetes Service of that name in this cluster: its ready local pods and the WorkloadEntries its selector
//      selects, grouped into priorities by proximity (local pods share the proxy's network and locality, so they
//      come first; a shadow entry for another cluster's gateway comes after them);
//   2. else ServiceEntries naming the host: their endpoints, grouped the same way;
//   3. else nothing: the application's DNS lookup fails (kube-dns knows no such Service, and Istio's DNS proxy
//      answers only for the hosts of its ServiceEntries).
// The outlier policy comes from the DestinationRule for the host (mesh-rules.ts), Istio's defaults otherwise.
import { parseServiceHost, canonicalHost } from "./host-match";
import { groupByProximity, type Candidate } from "./locality-priority";
import { type MeshIndex } from "./mesh-index";
import { destinationRuleFor } from "./mesh-rules";
import { podCandidates, serviceCandidates, servicePort } from "./mesh-service-endpoints";
import { entriesFor, serviceEntryCandidates } from "./mesh-service-entries";
import { proxyTopology, type ClusterPlace } from "./mesh-topology";
import { failoverPriorityOf, outlierForPort } from "./outlier-policy";
import type { MeshEndpoint, Resolution } from "./types";

function grouped(index: MeshIndex, place: ClusterPlace, fqdn: string, port: number, namespace: string | undefined, candidates: Candidate[]): Resolution {
  const rule = destinationRuleFor(index, fqdn, namespace);
  const priorities = groupByProximity(candidates, proxyTopology(index, place.cluster), failoverPriorityOf(rule?.spec));
  return { ok: true, host: fqdn, port, priorities, outlier: outlierForPort(rule?.spec, port) };
}

export function resolveHost(index: MeshIndex, place: ClusterPlace, host: string, port: number): Resolution {
  const named = parseServiceHost(host);
  const fqdn = named?.fqdn ?? canonicalHost(host);
  const svc = named && index.services.get(`${named.namespace}/${named.service}`);
  if (named && svc) {
    const sp = servicePort(svc, port);
    if (!sp) return { ok: false, reason: "no-route", host: fqdn, port };
    return grouped(index, place, fqdn, port, named.namespace, serviceCandidates(index, place, svc, sp, fqdn));
  }
  const entries = entriesFor(index, fqdn);
  if (entries.length === 0) return { ok: false, reason: "unknown-host", host: fqdn };
  const candidates = serviceEntryCandidates(index, place, entries, fqdn, port);
  if (!candidates) return { ok: false, reason: "no-route", host: fqdn, port };
  return grouped(index, place, fqdn, port, named?.namespace, candidates);
}

/** Ready local pods of the Service (what an east-west gateway forwards to); [] without such a Service or port. */
export function localPodEndpoints(index: MeshIndex, place: ClusterPlace, fqdn: string, port: number): MeshEndpoint[] {
  const named = parseServiceHost(fqdn);
  const svc = named && index.services.get(`${named.namespace}/${named.service}`);
  const sp = svc && servicePort(svc, port);
  return svc && sp ? podCandidates(index, place, svc, sp).map((c) => c.endpoint) : [];
}
