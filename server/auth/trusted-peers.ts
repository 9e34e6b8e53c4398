// Which TCP peers may assert a person (mode proxy): EASTWEST_PROXY_TRUSTED, a comma list of addresses and CIDRs.
// Matching uses node:net's BlockList, which also matches an IPv4-mapped IPv6 peer (::ffff:10.0.0.5, what a
// dual-stack server reports for an IPv4 client) against IPv4 ranges.
import { BlockList, isIP } from "node:net";

export type TrustedPeers = { entries: readonly string[]; trusts: (address: string | undefined) => boolean };
export type TrustedPeersResult = { ok: true; peers: TrustedPeers } | { ok: false; message: string };

type Entry = { address: string; prefix: number; family: "ipv4" | "ipv6" };

function parseEntry(text: string): Entry | undefined {
  const [address = "", prefixText, extra] = text.split("/");
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return undefined;
  const max = version === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  // /0 would trust every address on the internet, which is mode none with extra steps.
  if (prefix < 1 || prefix > max) return undefined;
  return { address, prefix, family: version === 4 ? "ipv4" : "ipv6" };
}

/** The list as configured; a bad entry is named, and an empty list is refused (it would trust nobody, silently). */
export function parseTrustedPeers(value: string): TrustedPeersResult {
  const texts = value.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  if (texts.length === 0) return { ok: false, message: "EASTWEST_PROXY_TRUSTED must list the authenticating proxy's addresses or CIDRs (e.g. 10.0.0.7 or 10.0.0.0/24)." };
  const list = new BlockList();
  for (const text of texts) {
    const entry = parseEntry(text);
    if (!entry) return { ok: false, message: `EASTWEST_PROXY_TRUSTED: "${text.slice(0, 60)}" is not an IP address or CIDR with a prefix of 1 or more.` };
    list.addSubnet(entry.address, entry.prefix, entry.family);
  }
  const trusts = (address: string | undefined) => {
    if (address === undefined) return false;
    const version = isIP(address);
    return version !== 0 && list.check(address, version === 4 ? "ipv4" : "ipv6");
  };
  return { ok: true, peers: { entries: texts, trusts } };
}
