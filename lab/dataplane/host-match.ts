// Host names as a sidecar and istiod read them.
//   - An application asks for `svc.ns`, `svc.ns.svc` or `svc.ns.svc.cluster.local`: the pod's DNS search path
//     (`<ns>.svc.cluster.local svc.cluster.local cluster.local`) expands the first two into the third, which is the
//     only name Istio's registry knows a Kubernetes Service by.
//   - A DestinationRule's `spec.host` may be a short name: istiod resolves a name without a dot against the rule's
//     own namespace (`details` in bookinfo → details.bookinfo.svc.cluster.local); a name with a dot is taken as it
//     is; `*.bookinfo.svc.cluster.local` and `*` are wildcards (pilot's ResolveShortnameToFQDN and host matching).
export const CLUSTER_DOMAIN = "cluster.local";

/** A Kubernetes Service host: its namespace and name, and the FQDN Istio keys it by. */
export interface ServiceHost {
  fqdn: string;
  service: string;
  namespace: string;
}

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** The Service a host names, when it is one of the three forms of a Service name; undefined otherwise. */
export function parseServiceHost(host: string): ServiceHost | undefined {
  const parts = host.toLowerCase().replace(/\.$/, "").split(".");
  const suffix = parts.slice(2).join(".");
  if (parts.length < 2 || !(suffix === "" || suffix === "svc" || suffix === `svc.${CLUSTER_DOMAIN}`)) return undefined;
  const [service, namespace] = parts as [string, string];
  if (!LABEL.test(service) || !LABEL.test(namespace)) return undefined;
  return { fqdn: `${service}.${namespace}.svc.${CLUSTER_DOMAIN}`, service, namespace };
}

/** The name a host is looked up by: a Service form's FQDN, any other host lower-cased without a trailing dot. */
export function canonicalHost(host: string): string {
  return parseServiceHost(host)?.fqdn ?? host.toLowerCase().replace(/\.$/, "");
}

/** A DestinationRule's (or ServiceEntry's) `host` as istiod resolves it in the object's namespace. */
export function resolveShortName(host: string, namespace: string): string {
  const h = host.toLowerCase();
  if (h === "*" || h.includes(".")) return h;
  return `${h}.${namespace}.svc.${CLUSTER_DOMAIN}`;
}

/**
 * How well `pattern` (a resolved rule host) matches `fqdn`: 0 = no match, otherwise larger is more specific
 * (an exact name beats every wildcard, a longer wildcard suffix beats a shorter one), as istiod picks the most
 * specific rule for a service.
 */
export function hostMatchScore(pattern: string, fqdn: string): number {
  if (pattern === fqdn) return Number.MAX_SAFE_INTEGER;
  if (pattern === "*") return 1;
  if (pattern.startsWith("*.")) {
    const suffix = pattern.slice(1); // ".bookinfo.svc.cluster.local"
    return fqdn.endsWith(suffix) && fqdn.length > suffix.length ? 1 + suffix.length : 0;
  }
  return 0;
}
