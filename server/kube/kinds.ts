import { FLEET_KINDS, MANAGEMENT_KINDS, type FleetKind } from "@/lib/fleet/snapshot-types";

/**
 * Where a kind is served. Lists and watches use the all-namespaces collection path (for a cluster-scoped kind,
 * its only collection). `metadataOnly`: the console reads nothing but name and labels, so the cache keeps only
 * those (project-metadata.ts).
 */
export type KindApi = { group: string; version: string; plural: string; metadataOnly?: true };

/**
 * The API coordinates of every watched kind. Secrets are deliberately absent: the console
 * never caches them. Istio kinds use `networking.istio.io/v1` (GA since Istio 1.22).
 */
export const KIND_API: Readonly<Record<FleetKind, KindApi>> = {
  Namespace: { group: "", version: "v1", plural: "namespaces" },
  Service: { group: "", version: "v1", plural: "services" },
  EndpointSlice: { group: "discovery.k8s.io", version: "v1", plural: "endpointslices" },
  Pod: { group: "", version: "v1", plural: "pods" },
  // Cluster-scoped. A gateway pod's locality is its Node's topology labels (lib/registry/locality.ts).
  Node: { group: "", version: "v1", plural: "nodes", metadataOnly: true },
  Deployment: { group: "apps", version: "v1", plural: "deployments" },
  ServiceEntry: { group: "networking.istio.io", version: "v1", plural: "serviceentries" },
  WorkloadEntry: { group: "networking.istio.io", version: "v1", plural: "workloadentries" },
  DestinationRule: { group: "networking.istio.io", version: "v1", plural: "destinationrules" },
  Gateway: { group: "networking.istio.io", version: "v1", plural: "gateways" },
  IngressGateway: { group: "install.tetrate.io", version: "v1alpha1", plural: "ingressgateways" },
  Workspace: { group: "tsb.tetrate.io", version: "v2", plural: "workspaces" },
  WorkspaceSetting: { group: "settings.tetrate.io", version: "v1alpha1", plural: "workspacesettings" },
};

/** `/api/v1/pods` or `/apis/<group>/<version>/<plural>`: every namespace at once. */
export function collectionPath(api: KindApi): string {
  return api.group === "" ? `/api/${api.version}/${api.plural}` : `/apis/${api.group}/${api.version}/${api.plural}`;
}

/** The kinds to watch in one cluster: TSB configuration only on the management cluster. */
export function kindsFor(management: boolean): FleetKind[] {
  return FLEET_KINDS.filter((kind) => management || !MANAGEMENT_KINDS.includes(kind));
}
