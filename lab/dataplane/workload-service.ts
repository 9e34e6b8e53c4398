// Istio's `destination_service` for a request a pod received: the host the caller asked for, as an FQDN (short
// Kubernetes forms expanded in the pod's namespace), or, when it dialled an address, the first Service of the pod's
// namespace whose selector selects the pod; "unknown" when there is none. Pure.
import type { KubeObject } from "../apiserver/types";
import { selectorMatches, stringMap } from "../controllers/object-util";
import type { ServedPod } from "./workload-identity";

const CLUSTER_DOMAIN = "svc.cluster.local";
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const HOSTNAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** `details` / `details.bookinfo` / `details.bookinfo.svc` → `details.bookinfo.svc.cluster.local`; others as they are. */
export function hostFqdn(host: string, namespace: string): string {
  const parts = host.split(".");
  if (parts.length === 1) return `${host}.${namespace}.${CLUSTER_DOMAIN}`;
  if (parts.length === 2) return `${host}.${CLUSTER_DOMAIN}`;
  if (parts.length === 3 && parts[2] === "svc") return `${host}.cluster.local`;
  return host;
}

/** The host of a Host header without its port, lower-cased; undefined for an address or anything not a name. */
function hostName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const host = header.replace(/:\d+$/, "").toLowerCase();
  if (host.startsWith("[") || IPV4.test(host) || !HOSTNAME.test(host)) return undefined;
  return host;
}

export function destinationServiceOf(pod: ServedPod, hostHeader: string | undefined, services: readonly KubeObject[]): string {
  const host = hostName(hostHeader);
  if (host) return hostFqdn(host, pod.namespace);
  const selecting = services
    .filter((svc) => {
      const selector = stringMap((svc.spec as { selector?: unknown } | undefined)?.selector);
      return Object.keys(selector).length > 0 && selectorMatches(selector, pod.labels);
    })
    .map((svc) => svc.metadata.name ?? "")
    .sort();
  return selecting[0] ? `${selecting[0]}.${pod.namespace}.${CLUSTER_DOMAIN}` : "unknown";
}
