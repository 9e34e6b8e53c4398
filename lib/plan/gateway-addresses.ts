// The addresses a gateway publishes to remote clusters: the Service annotation
// `xcp.tetrate.io/cluster-external-addresses` (one IP, one DNS name, or comma-separated IPs) when present,
// else `status.loadBalancer.ingress[]`. Istio endpoints need IPs, so DNS names are resolved through the
// answers the caller supplies (lib/ cannot resolve); an unresolved name is flagged, never guessed (§3.9).
import { isDnsSubdomain, isIP, isIPv4 } from "@/lib/names/dns";
import type { Condition } from "./conditions";
import type { ClusterInput, GatewayInput } from "./input";
import { compareStrings } from "./json";

export const EXTERNAL_ADDRESSES_ANNOTATION = "xcp.tetrate.io/cluster-external-addresses";

type Raw = { ip?: string; hostname?: string };

/** IPv4 in numeric order (so .2 sorts before .10), then IPv6 as text: names `-2`, `-3` follow this order. */
export function compareAddresses(a: string, b: string): number {
  if (isIPv4(a) && isIPv4(b)) {
    const [x, y] = [a, b].map((s) => s.split(".").reduce((n, octet) => n * 256 + Number(octet), 0));
    return (x ?? 0) - (y ?? 0);
  }
  if (isIPv4(a) !== isIPv4(b)) return isIPv4(a) ? -1 : 1;
  return compareStrings(a, b);
}

function rawAddresses(gw: GatewayInput): Raw[] {
  const annotation = gw.externalAddressesAnnotation?.trim() ?? "";
  if (annotation === "") return gw.addresses;
  return annotation
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => (isIP(s) ? { ip: s } : { hostname: s }));
}

/** The DNS names a gateway publishes (the caller resolves them; `publishedAddresses` reads the answers). */
export function publishedHostnames(gw: GatewayInput): string[] {
  return rawAddresses(gw).flatMap((raw) => (!raw.ip && raw.hostname && isDnsSubdomain(raw.hostname.toLowerCase()) ? [raw.hostname] : []));
}

function noAddressMessage(gw: GatewayInput): string {
  const why = gw.serviceType === "LoadBalancer" || gw.serviceType === ""
    ? "its LoadBalancer has no ingress address yet"
    : `its Service is type ${gw.serviceType}`;
  return `the gateway publishes no address (${why}); set the ${EXTERNAL_ADDRESSES_ANNOTATION} annotation or use a LoadBalancer so other clusters can reach it.`;
}

export function publishedAddresses(
  cluster: ClusterInput,
  gw: GatewayInput,
  resolved: Readonly<Record<string, string[]>>,
): { ips: string[]; conditions: Condition[] } {
  const conditions: Condition[] = [];
  const subject = `IngressGateway ${gw.namespace}/${gw.name}`;
  const flag = (reason: Condition["reason"], message: string) =>
    conditions.push({ severity: "error", reason, cluster: cluster.name, subject, message });
  const ips = new Set<string>();
  const add = (ip: string, from: string) =>
    isIP(ip) ? ips.add(ip) : flag("InvalidGatewayAddress", `${from} "${ip}" is not an IP address; it is skipped.`);
  for (const raw of rawAddresses(gw)) {
    if (raw.ip) add(raw.ip, "address");
    else if (raw.hostname && isDnsSubdomain(raw.hostname.toLowerCase())) {
      const answer = resolved[raw.hostname] ?? [];
      if (answer.length === 0) {
        flag("UnresolvedGatewayHostname", `gateway address ${raw.hostname} has not been resolved to IPs; remote clusters cannot reach this gateway through it until it resolves.`);
      }
      for (const ip of answer) add(ip, `${raw.hostname} resolved to`);
    } else if (raw.hostname) flag("InvalidGatewayAddress", `gateway address "${raw.hostname}" is neither an IP nor a DNS name; it is skipped.`);
  }
  if (ips.size === 0 && !conditions.some((c) => c.reason === "UnresolvedGatewayHostname")) {
    flag("GatewayWithoutAddresses", noAddressMessage(gw));
  }
  return { ips: [...ips].sort(compareAddresses), conditions };
}
