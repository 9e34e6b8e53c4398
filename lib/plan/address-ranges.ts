// Which gateway addresses can never be a remote cluster's way in. A gateway's Service status or annotation is
// written by whoever runs that cluster; the registry copies each address into WorkloadEntries and ServiceEntry
// endpoints in every *other* cluster, where Envoy sends mesh traffic to it. Loopback, unspecified, link-local,
// multicast and broadcast addresses mean "this host", "any host", "this link" or "many hosts" there, never
// "that cluster's gateway" (RFC 6890, RFC 4291 §2.5–2.7). Loopback is the one class a single-host lab needs.
import { isIPv4, isIPv6 } from "@/lib/names/dns";

/** Why an address is rejected, or undefined when it may be published. `allowLoopback`: the embedded lab only. */
export function rejectedAddress(address: string, allowLoopback: boolean): string | undefined {
  if (isIPv4(address)) return rejectedIPv4(ipv4Octets(address), allowLoopback);
  const groups = isIPv6(address) ? ipv6Groups(address) : undefined;
  if (groups) return rejectedIPv6(groups, allowLoopback);
  return undefined;
}

/** `localhost` and `*.localhost` always name this host (RFC 6761 §6.3), whatever DNS answers. */
export function isLoopbackName(hostname: string): boolean {
  const name = hostname.toLowerCase();
  return name === "localhost" || name.endsWith(".localhost");
}

export const LOOPBACK_REASON = "a loopback address, which in every other cluster means that cluster's own host";

function rejectedIPv4([a = 0, b = 0]: number[], allowLoopback: boolean): string | undefined {
  if (a === 0) return "an unspecified (0.0.0.0/8) address, which names no host another cluster can reach";
  if (a === 127) return allowLoopback ? undefined : LOOPBACK_REASON;
  if (a === 169 && b === 254) return "a link-local (169.254.0.0/16) address, reachable only on the gateway's own network link";
  if (a >= 224 && a <= 239) return "a multicast (224.0.0.0/4) address, not one host";
  if (a >= 240) return "a broadcast or reserved (240.0.0.0/4) address, not one host";
  return undefined;
}

function rejectedIPv6(g: number[], allowLoopback: boolean): string | undefined {
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  // IPv4-mapped (::ffff:a.b.c.d): the IPv4 rules apply to the embedded address.
  if (zeroUpTo(5) && g[5] === 0xffff) return rejectedIPv4([(g[6] ?? 0) >> 8, (g[6] ?? 0) & 0xff], allowLoopback);
  if (zeroUpTo(8)) return "the unspecified address (::), which names no host another cluster can reach";
  if (zeroUpTo(7) && g[7] === 1) return allowLoopback ? undefined : LOOPBACK_REASON;
  const first = g[0] ?? 0;
  if ((first & 0xffc0) === 0xfe80) return "a link-local (fe80::/10) address, reachable only on the gateway's own network link";
  if ((first & 0xff00) === 0xff00) return "a multicast (ff00::/8) address, not one host";
  return undefined;
}

const ipv4Octets = (address: string): number[] => address.split(".").map(Number);

/** The eight 16-bit groups of a valid IPv6 address (an embedded IPv4 tail becomes the last two). */
function ipv6Groups(address: string): number[] | undefined {
  const parse = (half: string): number[] =>
    half === "" ? [] : half.split(":").flatMap((part) => {
      if (!part.includes(".")) return [parseInt(part, 16)];
      const [a = 0, b = 0, c = 0, d = 0] = ipv4Octets(part);
      return [(a << 8) | b, (c << 8) | d];
    });
  const [head = "", tail] = address.split("::");
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const groups = tail === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  return groups.length === 8 ? groups : undefined;
}
