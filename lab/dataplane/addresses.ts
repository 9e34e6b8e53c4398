// Each pod answers on a loopback address that is its own. The API keeps the pod IP a cluster would show
// (status.podIP 10.244.c.d, lab/controllers/allocators.ts); the data plane maps it, per cluster, to 127.X.c.d with
// X = 200 + the cluster's position in the lab. Load balancer addresses (lab/controllers/load-balancer.ts) use
// 127.1–199.*.1–3, so the two never meet; 127.0.0.0/24 is left to other local software.
export const POD_LOOPBACK_FIRST_OCTET = 200;
export const MAX_CLUSTERS = 55; // 200 + 54 = 254

export function podLoopbackAddress(clusterIndex: number, podIP: string): string | undefined {
  if (!Number.isInteger(clusterIndex) || clusterIndex < 0 || clusterIndex >= MAX_CLUSTERS) return undefined;
  const m = /^10\.244\.(\d{1,3})\.(\d{1,3})$/.exec(podIP);
  if (!m) return undefined;
  const [c, d] = [Number(m[1]), Number(m[2])];
  if (c > 255 || d < 1 || d > 254) return undefined;
  return `127.${POD_LOOPBACK_FIRST_OCTET + clusterIndex}.${c}.${d}`;
}

/** The SNI a sidecar sends to a remote east-west gateway (Istio's AUTO_PASSTHROUGH cluster name). */
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
