// The node ids of lib/topology/types.ts, read back: `cluster:<cluster>`, `ns:<cluster>/<namespace>`,
// `gw:<cluster>/<namespace>/<name>`, `svc:<cluster>/<fqdn>`, `se:<cluster>/<fqdn>`. Cluster names are kubeconfig
// context names and namespaces, object names and FQDNs are DNS names, so none holds a "/": the parts split
// unambiguously. Anything else is not a node id (the caller answers NOT_FOUND naming "id").
export type NodeRef =
  | { kind: "cluster"; cluster: string }
  | { kind: "namespace"; cluster: string; namespace: string }
  | { kind: "gateway"; cluster: string; namespace: string; name: string }
  | { kind: "service" | "service-entry"; cluster: string; fqdn: string };

const PARTS: Readonly<Record<string, { kind: NodeRef["kind"]; parts: number }>> = {
  cluster: { kind: "cluster", parts: 1 },
  ns: { kind: "namespace", parts: 2 },
  gw: { kind: "gateway", parts: 3 },
  svc: { kind: "service", parts: 2 },
  se: { kind: "service-entry", parts: 2 },
};

export function parseNodeId(id: string): NodeRef | undefined {
  const colon = id.indexOf(":");
  if (colon < 0) return undefined;
  const shape = PARTS[id.slice(0, colon)];
  const parts = id.slice(colon + 1).split("/");
  if (!shape || parts.length !== shape.parts || parts.some((p) => p === "")) return undefined;
  const [cluster = "", second = "", third = ""] = parts;
  switch (shape.kind) {
    case "cluster":
      return { kind: "cluster", cluster };
    case "namespace":
      return { kind: "namespace", cluster, namespace: second };
    case "gateway":
      return { kind: "gateway", cluster, namespace: second, name: third };
    case "service":
    case "service-entry":
      return { kind: shape.kind, cluster, fqdn: second };
  }
}

export function nodeIdOf(ref: NodeRef): string {
  switch (ref.kind) {
    case "cluster":
      return `cluster:${ref.cluster}`;
    case "namespace":
      return `ns:${ref.cluster}/${ref.namespace}`;
    case "gateway":
      return `gw:${ref.cluster}/${ref.namespace}/${ref.name}`;
    case "service":
      return `svc:${ref.cluster}/${ref.fqdn}`;
    case "service-entry":
      return `se:${ref.cluster}/${ref.fqdn}`;
  }
}
