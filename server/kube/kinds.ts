import { FLEET_KINDS, MANAGEMENT_KINDS, type FleetKind } from "@/lib/fleet/snapshot-types";

/**
 * Where a kind is served. Lists and watches use the all-namespaces collection path (for a cluster-scoped kind,
 * its only collection). `metadataOnly`: the console reads nothing but name and labels, so the cache keeps only
 * those (project-metadata.ts).
 */
export type KindApi = { group: string; version: string; plural: string; namespaced: boolean; metadataOnly?: true };

/**
 * The one kinds table: the API coordinates of every kind the console watches (informers, the registry's
 * snapshot lists) and writes (the writer's paths). Secrets are deliberately absent: the console never caches
 * them. Istio kinds use `networking.istio.io/v1` (GA since Istio 1.22).
 */
export const KIND_API: Readonly<Record<FleetKind, KindApi>> = {
  Namespace: { group: "", version: "v1", plural: "namespaces", namespaced: false },
  Service: { group: "", version: "v1", plural: "services", namespaced: true },
  EndpointSlice: { group: "discovery.k8s.io", version: "v1", plural: "endpointslices", namespaced: true },
  Pod: { group: "", version: "v1", plural: "pods", namespaced: true },
  // Cluster-scoped. A gateway pod's locality is its Node's topology labels (lib/registry/locality.ts).
  Node: { group: "", version: "v1", plural: "nodes", namespaced: false, metadataOnly: true },
  Deployment: { group: "apps", version: "v1", plural: "deployments", namespaced: true },
  ServiceEntry: { group: "networking.istio.io", version: "v1", plural: "serviceentries", namespaced: true },
  WorkloadEntry: { group: "networking.istio.io", version: "v1", plural: "workloadentries", namespaced: true },
  DestinationRule: { group: "networking.istio.io", version: "v1", plural: "destinationrules", namespaced: true },
  Gateway: { group: "networking.istio.io", version: "v1", plural: "gateways", namespaced: true },
  IngressGateway: { group: "install.tetrate.io", version: "v1alpha1", plural: "ingressgateways", namespaced: true },
  Workspace: { group: "tsb.tetrate.io", version: "v2", plural: "workspaces", namespaced: true },
  WorkspaceSetting: { group: "settings.tetrate.io", version: "v1alpha1", plural: "workspacesettings", namespaced: true },
  // The console's own custom resource (deploy/crds/failoverdrills.eastwest.dev.yaml); served only where it is installed.
  FailoverDrill: { group: "eastwest.dev", version: "v1alpha1", plural: "failoverdrills", namespaced: true },
};

/**
 * Kinds the console writes but never watches: the leader Lease, the registry's drift Events, and the
 * FailoverDrill CustomResourceDefinition the drill service installs where it is missing.
 */
const WRITE_ONLY_KIND_API = {
  Lease: { group: "coordination.k8s.io", version: "v1", plural: "leases", namespaced: true },
  Event: { group: "", version: "v1", plural: "events", namespaced: true },
  CustomResourceDefinition: { group: "apiextensions.k8s.io", version: "v1", plural: "customresourcedefinitions", namespaced: false },
} as const satisfies Record<string, KindApi>;

export type WritableKind = FleetKind | keyof typeof WRITE_ONLY_KIND_API;

const WRITABLE: Readonly<Record<WritableKind, KindApi>> = { ...KIND_API, ...WRITE_ONLY_KIND_API };
const BY_KIND: ReadonlyMap<string, KindApi> = new Map(Object.entries(WRITABLE));

/** `/api/v1/pods` or `/apis/<group>/<version>/<plural>`: every namespace at once. */
export function collectionPath(api: KindApi): string {
  return api.group === "" ? `/api/${api.version}/${api.plural}` : `/apis/${api.group}/${api.version}/${api.plural}`;
}

export type ObjectLocation = { apiVersion: string; kind: string; namespace?: string; name?: string };

/**
 * The REST path of one object (or, without a name, of its collection in one namespace), from the table: no API
 * discovery, so no request to find it. The group/version is the object's own (a WorkspaceSetting is served as
 * `settings.tetrate.io/v1alpha1` or TSB's `tsb.tetrate.io/v2`, under the same plural); the plural and the scope
 * come from the table. Undefined for a kind the table does not know.
 */
export function objectPath(at: ObjectLocation): string | undefined {
  const api = BY_KIND.get(at.kind);
  if (!api) return undefined;
  const base = at.apiVersion.includes("/") ? `/apis/${at.apiVersion}` : `/api/${at.apiVersion}`;
  const scope = api.namespaced && at.namespace ? `/namespaces/${encodeURIComponent(at.namespace)}` : "";
  const name = at.name === undefined ? "" : `/${encodeURIComponent(at.name)}`;
  return `${base}${scope}/${api.plural}${name}`;
}

/** The apiVersion of a table entry (`networking.istio.io/v1`, `v1`). */
export function groupVersion(api: KindApi): string {
  return api.group === "" ? api.version : `${api.group}/${api.version}`;
}

/** The apiVersion the console writes a kind of the table with. */
export function apiVersionOf(kind: WritableKind): string {
  return groupVersion(WRITABLE[kind]);
}

/** The kinds to watch in one cluster: TSB configuration only on the management cluster. */
export function kindsFor(management: boolean): FleetKind[] {
  return FLEET_KINDS.filter((kind) => management || !MANAGEMENT_KINDS.includes(kind));
}
