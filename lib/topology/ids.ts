// Node and edge ids of the topology graph, exactly as lib/topology/types.ts defines them. Stable across changes
// (names only, no counts or states), so a live update keeps the page's selection, pan and zoom.
export const clusterNodeId = (cluster: string) => `cluster:${cluster}`;
export const namespaceNodeId = (cluster: string, namespace: string) => `ns:${cluster}/${namespace}`;
export const gatewayNodeId = (cluster: string, namespace: string, name: string) => `gw:${cluster}/${namespace}/${name}`;
export const serviceNodeId = (cluster: string, fqdn: string) => `svc:${cluster}/${fqdn}`;
export const serviceEntryNodeId = (cluster: string, fqdn: string) => `se:${cluster}/${fqdn}`;

/** One id per visible edge: its kind and both ends (an aggregated edge keeps the id while its ends stay visible). */
export const edgeId = (kind: "failover" | "ingress", source: string, target: string) => `${kind}:${source}->${target}`;
