// The order gateway addresses are published in: IPv4 numerically (so .2 sorts before .10), then IPv6 as text.
// Shadow WorkloadEntry names (`-2`, `-3`, …) and the addresses kept under the cap both follow it.
import { isIPv4 } from "@/lib/names/dns";
import { compareStrings } from "./json";

const ipv4Number = (s: string) => s.split(".").reduce((n, octet) => n * 256 + Number(octet), 0);

export function compareAddresses(a: string, b: string): number {
  if (isIPv4(a) && isIPv4(b)) return ipv4Number(a) - ipv4Number(b);
  if (isIPv4(a) !== isIPv4(b)) return isIPv4(a) ? -1 : 1;
  return compareStrings(a, b);
}

/** `compareAddresses` order, each address parsed once rather than at every comparison. */
export function sortAddresses(ips: Iterable<string>): string[] {
  const keyed = [...ips].map((ip) => ({ ip, v4: isIPv4(ip) ? ipv4Number(ip) : undefined }));
  keyed.sort((a, b) => {
    if (a.v4 !== undefined && b.v4 !== undefined) return a.v4 - b.v4;
    if (a.v4 !== undefined || b.v4 !== undefined) return a.v4 !== undefined ? -1 : 1;
    return compareStrings(a.ip, b.ip);
  });
  return keyed.map((k) => k.ip);
}
