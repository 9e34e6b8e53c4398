// The service a topology node id stands for (lib/topology/ids.ts: `svc:<cluster>/<fqdn>` for a Service the cluster
// runs, `se:<cluster>/<fqdn>` for a host it consumes through a ServiceEntry), for the views that hold only the id
// (the side panel's details): the traffic view is keyed by the calling cluster and the FQDN.

/** Cluster and FQDN of a service or ServiceEntry node id; undefined for clusters, namespaces and gateways. */
export function serviceOfNodeId(id: string): { cluster: string; fqdn: string } | undefined {
  const prefix = id.startsWith("svc:") ? 4 : id.startsWith("se:") ? 3 : 0;
  if (prefix === 0) return undefined;
  // A cluster name is a DNS label (no "/"): the first slash ends it, and the FQDN has none.
  const slash = id.indexOf("/", prefix);
  if (slash <= prefix || slash === id.length - 1) return undefined;
  return { cluster: id.slice(prefix, slash), fqdn: id.slice(slash + 1) };
}
