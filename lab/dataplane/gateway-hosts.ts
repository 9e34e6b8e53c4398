// Which service hostnames a Gateway server's `hosts` admit, as Istio decides it for an AUTO_PASSTHROUGH server.
//
// istiod (pilot/pkg/model/gateway.go, GetSNIHostsForServer) first strips the namespace part of each entry: a
// Gateway host may be written `<namespace>/<dnsName>` (also `./<dnsName>` and `*/<dnsName>`), and for SNI matching
// only `<dnsName>` counts; the namespace part selects VirtualServices, which AUTO_PASSTHROUGH does not use. It then
// builds one filter chain per service hostname that is a *subset* of one of those names
// (pilot/pkg/networking/core/gateway.go, builtAutoPassthroughFilterChains → host.Name.SubsetOf):
//   - "*" admits every hostname;
//   - "*.<suffix>" admits hostnames ending in ".<suffix>" ("*.local", "*.svc.cluster.local", "*.bookinfo.svc.cluster.local");
//   - anything else admits exactly that hostname (a plain, case-sensitive string comparison).

import { hostMatchScore } from "./host-match";

/** The DNS part of a Gateway host entry: `ns/host` → `host` (Istio splits on "/" and keeps the second part). */
export function gatewayDnsName(entry: string): string {
  const slash = entry.indexOf("/");
  if (slash < 0) return entry;
  return entry.split("/")[1] ?? "";
}

/** host.Name(hostname).SubsetOf(host.Name(pattern)), Istio's semantics, for a concrete or wildcard hostname. */
export function hostSubsetOf(hostname: string, pattern: string): boolean {
  const hostWildcard = hostname.startsWith("*");
  const patternWildcard = pattern.startsWith("*");
  if (hostWildcard) {
    // A wildcard host is covered only by a wildcard pattern at least as broad.
    if (!patternWildcard || hostname.length < pattern.length) return false;
    return hostname.slice(1).endsWith(pattern.slice(1));
  }
  // A concrete hostname: the same matching a sidecar uses for rule hosts (host-match.ts).
  return hostMatchScore(pattern, hostname) > 0;
}

/** True when one of a Gateway server's `hosts` admits the service hostname `fqdn` for AUTO_PASSTHROUGH. */
export function gatewayHostsAdmit(hosts: readonly string[], fqdn: string): boolean {
  return hosts.some((entry) => hostSubsetOf(fqdn, gatewayDnsName(entry)));
}
