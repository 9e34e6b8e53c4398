// Mode proxy: the person as an authenticating proxy (oauth2-proxy, an ingress with external auth, …) asserts them
// in request headers. The headers are believed only when the TCP peer (peer-stamp.ts, from the socket) is one of
// EASTWEST_PROXY_TRUSTED: anyone else could send the same headers. Pure.
import { boundedIdentity } from "./identity-bounds";
import type { Identity } from "./identity";
import type { PeerResult } from "./peer-stamp";
import type { ProxySettings } from "./settings";

export type ProxyIdentityResult = { ok: true; identity: Identity; address: string } | { ok: false; message: string };

/** Groups as one comma-separated value; several header lines arrive joined with ", " (Headers.get). */
export function splitGroups(value: string | null): string[] {
  return (value ?? "")
    .split(",")
    .map((g) => g.trim())
    .filter((g) => g.length > 0);
}

export function proxyIdentity(headers: Headers, peer: PeerResult, settings: Pick<ProxySettings, "trusted" | "userHeader" | "groupsHeader">): ProxyIdentityResult {
  if (!peer.ok) return { ok: false, message: `Not signed in: ${peer.message}` };
  if (!settings.trusted.trusts(peer.address)) {
    return { ok: false, message: `Not signed in: this request did not come through the authenticating proxy (it came from ${peer.address.slice(0, 64)}, which EASTWEST_PROXY_TRUSTED does not list).` };
  }
  const user = headers.get(settings.userHeader);
  if (user === null || user.trim() === "") return { ok: false, message: `Not signed in: the authenticating proxy sent no ${settings.userHeader} header.` };
  const bounded = boundedIdentity(user.trim(), splitGroups(headers.get(settings.groupsHeader)));
  if (!bounded.ok) return { ok: false, message: `Not signed in: the proxy's identity headers are not acceptable. ${bounded.message}` };
  return { ok: true, identity: bounded.identity, address: peer.address };
}
