// Where a cluster's other views live (the topology and Istio objects pages, built by their own roles): the
// topology page with this cluster's group expanded, the objects browser filtered to this cluster.
export const topologyHref = (cluster: string) => `/topology?${new URLSearchParams({ expanded: `cluster:${cluster}` }).toString()}`;
export const istioHref = (cluster: string) => `/istio?${new URLSearchParams({ cluster }).toString()}`;
