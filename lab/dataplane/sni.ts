// The SNI a sidecar sends to a remote east-west gateway: Istio's AUTO_PASSTHROUGH cluster name
// `outbound_.<port>_.<subset>_.<fqdn>` (no subset: `outbound_.9080_._.details.bookinfo.svc.cluster.local`).
export function outboundSni(port: number, fqdn: string, subset = ""): string {
  return `outbound_.${port}_.${subset}_.${fqdn}`;
}

/** The SNI's parts, or undefined when it is not an Istio outbound cluster name. */
export function parseOutboundSni(sni: string): { port: number; subset: string; fqdn: string } | undefined {
  const m = /^outbound_\.(\d{1,5})_\.([^_]*)_\.(.+)$/.exec(sni);
  if (!m) return undefined;
  const port = Number(m[1]);
  if (port < 1 || port > 65535) return undefined;
  return { port, subset: m[2] ?? "", fqdn: m[3] ?? "" };
}
