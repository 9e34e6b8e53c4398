// The addresses a gateway publishes to remote clusters: the Service annotation
// `xcp.tetrate.io/cluster-external-addresses` (one IP, one DNS name, or comma-separated IPs) when present,
// else `status.loadBalancer.ingress[]`. Istio endpoints need IPs, so DNS names are resolved through the
// answers the caller supplies (lib/ cannot resolve); an unresolved name is flagged, never guessed (§3.9).
// Addresses no other cluster could reach this gateway at (address-ranges.ts) are rejected with a condition.
import { isDnsSubdomain, isIP } from "@/lib/names/dns";
import { sortAddresses } from "./address-order";
import { isLoopbackName, LOOPBACK_REASON, rejectedAddress } from "./address-ranges";
import type { Condition } from "./conditions";
import type { ClusterInput, GatewayInput } from "./input";

export { compareAddresses } from "./address-order";

export const EXTERNAL_ADDRESSES_ANNOTATION = "xcp.tetrate.io/cluster-external-addresses";

/**
 * Addresses published per gateway. Each becomes one WorkloadEntry per exposed service in every other cluster
 * and one endpoint in each ServiceEntry, so the cap bounds the registry's writes. Real load balancers have a
 * handful (one per zone).
 */
export const MAX_GATEWAY_ADDRESSES = 16;

/**
 * Entries read per gateway (the annotation's first ones, or the status's). Real API servers allow 256 KiB of
 * annotations, some 20,000 addresses; reading them all would cost every plan and every page that much.
 */
export const MAX_EXAMINED_ADDRESSES = 64 * MAX_GATEWAY_ADDRESSES;

type Flag = (reason: Condition["reason"], message: string) => void;

type Raw = { ip?: string; hostname?: string };

/** The gateway's entries (at most MAX_EXAMINED_ADDRESSES), and how many more it lists. */
function rawAddresses(gw: GatewayInput): { entries: Raw[]; unread: number } {
  const annotation = gw.externalAddressesAnnotation?.trim() ?? "";
  const all = annotation === "" ? gw.addresses : annotation.split(",").map((s) => s.trim()).filter((s) => s !== "");
  const entries = all.slice(0, MAX_EXAMINED_ADDRESSES).map((e) => (typeof e !== "string" ? e : isIP(e) ? { ip: e } : { hostname: e }));
  return { entries, unread: all.length - entries.length };
}

/** The DNS names a gateway publishes (the caller resolves them; `publishedAddresses` reads the answers). */
export function publishedHostnames(gw: GatewayInput): string[] {
  return rawAddresses(gw).entries.flatMap((raw) => (!raw.ip && raw.hostname && isDnsSubdomain(raw.hostname.toLowerCase()) ? [raw.hostname] : []));
}

function noAddressMessage(gw: GatewayInput): string {
  const why = gw.serviceType === "LoadBalancer" || gw.serviceType === ""
    ? "its LoadBalancer has no ingress address yet"
    : `its Service is type ${gw.serviceType}`;
  return `the gateway publishes no address (${why}); set the ${EXTERNAL_ADDRESSES_ANNOTATION} annotation or use a LoadBalancer so other clusters can reach it.`;
}

/** The addresses one gateway may publish, sorted and de-duplicated, and a condition per address it may not. */
function examine(gw: GatewayInput, resolved: Readonly<Record<string, string[]>>, allowLoopback: boolean, flag: Flag): { ips: Set<string>; listed: number; unread: number } {
  const ips = new Set<string>();
  const add = (ip: string, from: string) => {
    if (!isIP(ip)) return flag("InvalidGatewayAddress", `${from} "${ip}" is not an IP address; it is skipped.`);
    const why = rejectedAddress(ip, allowLoopback);
    if (why) return flag("RejectedGatewayAddress", `${from} ${ip} is ${why}; it is not published to other clusters.`);
    ips.add(ip);
  };
  const { entries, unread } = rawAddresses(gw);
  for (const raw of entries) {
    const name = raw.hostname?.toLowerCase() ?? "";
    if (raw.ip) add(raw.ip, "address");
    else if (isDnsSubdomain(name) && isLoopbackName(name) && !allowLoopback) {
      flag("RejectedGatewayAddress", `gateway address ${raw.hostname ?? name} is ${LOOPBACK_REASON}; it is not published to other clusters.`);
    } else if (raw.hostname && isDnsSubdomain(name)) {
      const answer = resolved[raw.hostname] ?? [];
      if (answer.length === 0) {
        flag("UnresolvedGatewayHostname", `gateway address ${raw.hostname} has not been resolved to IPs; remote clusters cannot reach this gateway through it until it resolves.`);
      }
      for (const ip of answer) add(ip, `${raw.hostname} resolved to`);
    } else if (raw.hostname) flag("InvalidGatewayAddress", `gateway address "${raw.hostname}" is neither an IP nor a DNS name; it is skipped.`);
  }
  return { ips, listed: entries.length + unread, unread };
}

function tooMany(ips: string[], examined: { listed: number; unread: number }): string {
  const listed = examined.unread > 0 ? `lists ${examined.listed} addresses (only the first ${MAX_EXAMINED_ADDRESSES} are read)` : `publishes ${ips.length} addresses`;
  const kept = ips.slice(0, MAX_GATEWAY_ADDRESSES);
  return `the gateway ${listed}, more than the ${MAX_GATEWAY_ADDRESSES} allowed; only ${kept[0] ?? ""} … ${kept[kept.length - 1] ?? ""} (the first ${MAX_GATEWAY_ADDRESSES} in address order) are published.`;
}

/**
 * What a gateway publishes: at most MAX_GATEWAY_ADDRESSES addresses, the first ones in `compareAddresses` order.
 * Above the cap the rest are dropped (with a condition) rather than the whole gateway: the same 16 every
 * time, so nothing churns, and one over-long annotation never takes a serving gateway out of the mesh.
 * Conditions about single addresses are capped the same way, with one more saying how many were not listed.
 */
export function publishedAddresses(
  cluster: ClusterInput,
  gw: GatewayInput,
  resolved: Readonly<Record<string, string[]>>,
  allowLoopback: boolean,
): { ips: string[]; conditions: Condition[] } {
  const conditions: Condition[] = [];
  const subject = `IngressGateway ${gw.namespace}/${gw.name}`;
  const push = (reason: Condition["reason"], message: string) => conditions.push({ severity: "error", reason, cluster: cluster.name, subject, message });
  let unlisted = 0;
  const flag: Flag = (reason, message) => void (conditions.length < MAX_GATEWAY_ADDRESSES ? push(reason, message) : unlisted++);
  const examined = examine(gw, resolved, allowLoopback, flag);
  const ips = sortAddresses(examined.ips);
  if (unlisted > 0) push("InvalidGatewayAddress", `${unlisted} more address problems of this gateway are not listed; fix its addresses.`);
  if (ips.length > MAX_GATEWAY_ADDRESSES || examined.unread > 0) {
    push("TooManyGatewayAddresses", tooMany(ips, examined));
    return { ips: ips.slice(0, MAX_GATEWAY_ADDRESSES), conditions };
  }
  if (ips.length === 0 && !conditions.some((c) => c.reason === "UnresolvedGatewayHostname")) push("GatewayWithoutAddresses", noAddressMessage(gw));
  return { ips, conditions };
}
