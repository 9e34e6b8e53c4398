// The endpoints of a ServiceEntry host, as istiod builds them: each visible entry naming the host that has the
// requested port contributes its `endpoints[]` (or the WorkloadEntries its `workloadSelector` selects in its
// namespace). An endpoint's `ports[<port name>]` is the port dialled: 15443 for a remote east-west gateway, which
// is then reached with mTLS and the outbound SNI.
import type { KubeObject } from "../apiserver/types";
import type { Candidate } from "./locality-priority";
import { parseLocality } from "./locality-priority";
import { type MeshIndex } from "./mesh-index";
import { arr, rec, strings, type Json } from "./mesh-json";
import { REMOTE_GATEWAY_PORT, entryPort, type ServicePort } from "./mesh-service-endpoints";
import { clusterNetwork, type ClusterPlace } from "./mesh-topology";
import { outboundSni } from "./sni";
import type { MeshEndpoint } from "./types";

/**
 * Whether sidecars see the entry. `exportTo` absent, "*", "." or the entry's own namespace: visible (the lab's
 * requests carry no source namespace to tell "." apart, and every entry the console writes is exported to "*").
 * A list naming only other namespaces hides it.
 */
export function visible(se: KubeObject): boolean {
  const exportTo = arr(rec(se.spec).exportTo).filter((x): x is string => typeof x === "string");
  if (exportTo.length === 0) return true;
  return exportTo.some((x) => x === "*" || x === "." || x === se.metadata.namespace);
}

/** The entry's port numbered `port`, in the shape a Service port has. */
function entryServicePort(se: KubeObject, port: number): ServicePort | undefined {
  for (const raw of arr(rec(se.spec).ports)) {
    const p = rec(raw);
    if (p.number !== port) continue;
    const target = typeof p.targetPort === "number" && p.targetPort > 0 ? p.targetPort : port;
    return { name: typeof p.name === "string" ? p.name : "", port, targetPort: target };
  }
  return undefined;
}

interface RawEndpoint {
  spec: Json;
  source: string;
}

function rawEndpoints(index: MeshIndex, se: KubeObject): RawEndpoint[] {
  const ns = se.metadata.namespace ?? "";
  const spec = rec(se.spec);
  const selector = strings(rec(spec.workloadSelector).labels);
  if (Object.keys(selector).length > 0) {
    return index.selectEntries(ns, selector)
      .map((we) => ({ spec: rec(we.spec), source: `WorkloadEntry ${ns}/${we.metadata.name ?? ""}` }));
  }
  return arr(spec.endpoints).map((e, i) => ({ spec: rec(e), source: `ServiceEntry ${ns}/${se.metadata.name ?? ""}[${i}]` }));
}

function candidate(raw: RawEndpoint, sp: ServicePort, fqdn: string, local: string): Candidate | undefined {
  const { spec } = raw;
  if (typeof spec.address !== "string" || spec.address === "") return undefined;
  const port = entryPort(rec(spec.ports), sp);
  const network = typeof spec.network === "string" && spec.network !== "" ? spec.network : local;
  const endpoint: MeshEndpoint = {
    address: spec.address, port, kind: "service-entry", source: raw.source, network,
    locality: parseLocality(typeof spec.locality === "string" ? spec.locality : undefined),
    ...(network !== local || port === REMOTE_GATEWAY_PORT ? { sni: outboundSni(sp.port, fqdn) } : {}),
  };
  return { endpoint, labels: strings(spec.labels) };
}

/** Visible entries for the host, oldest first (istiod's order when several name one host). */
export function entriesFor(index: MeshIndex, fqdn: string): KubeObject[] {
  const stamp = (o: KubeObject): string => `${o.metadata.creationTimestamp ?? ""}/${o.metadata.namespace ?? ""}/${o.metadata.name ?? ""}`;
  return [...(index.serviceEntries.get(fqdn)?.values() ?? [])].filter(visible).sort((a, b) => stamp(a).localeCompare(stamp(b)));
}

/** The entries' endpoints for `port`; undefined when no entry has that port (no route). */
export function serviceEntryCandidates(index: MeshIndex, place: ClusterPlace, entries: KubeObject[], fqdn: string, port: number): Candidate[] | undefined {
  const local = clusterNetwork(index, place.cluster);
  let routed = false;
  const out: Candidate[] = [];
  for (const se of entries) {
    const sp = entryServicePort(se, port);
    if (!sp) continue;
    routed = true;
    for (const raw of rawEndpoints(index, se)) {
      const c = candidate(raw, sp, fqdn, local);
      if (c) out.push(c);
    }
  }
  return routed ? out : undefined;
}
