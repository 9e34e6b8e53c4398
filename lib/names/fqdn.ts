// Service FQDNs as Istio and Kubernetes DNS spell them: `<service>.<namespace>.svc.<cluster domain>`.
// The product assumes the default cluster domain `cluster.local`, as the seed's exposedServices do.
import { isDnsLabel } from "./dns";

export const CLUSTER_DOMAIN = "cluster.local";

export type ServiceRef = { namespace: string; name: string };

export function serviceFqdn(ref: ServiceRef): string {
  return `${ref.name}.${ref.namespace}.svc.${CLUSTER_DOMAIN}`;
}

/** `details.bookinfo.svc.cluster.local` → {namespace: bookinfo, name: details}; anything else → undefined. */
export function parseServiceFqdn(fqdn: string): ServiceRef | undefined {
  const parts = fqdn.split(".");
  const [name, namespace, svc, ...domain] = parts;
  if (name === undefined || namespace === undefined || svc !== "svc") return undefined;
  if (domain.join(".") !== CLUSTER_DOMAIN || !isDnsLabel(name) || !isDnsLabel(namespace)) return undefined;
  return { namespace, name };
}

/** XCP's spelling of an FQDN inside an object name: dots become dashes. */
export function dashedFqdn(fqdn: string): string {
  return fqdn.replaceAll(".", "-");
}

/**
 * The FQDN an Istio `host` field means when written in namespace `namespace`: Istio expands a short name
 * (`details`) relative to the rule's own namespace and `details.bookinfo` by the cluster suffix.
 */
export function expandHost(host: string, namespace: string): string {
  const dots = host.split(".").length - 1;
  if (host.startsWith("*")) return host;
  if (dots === 0) return `${host}.${namespace}.svc.${CLUSTER_DOMAIN}`;
  if (dots === 1) return `${host}.svc.${CLUSTER_DOMAIN}`;
  return host;
}

/** Whether an Istio host (possibly short, possibly a `*.` wildcard) written in `namespace` covers `fqdn`. */
export function hostCovers(host: string, namespace: string, fqdn: string): boolean {
  const expanded = expandHost(host, namespace);
  if (expanded === "*") return true;
  if (expanded.startsWith("*.")) return fqdn.endsWith(expanded.slice(1));
  return expanded === fqdn;
}
