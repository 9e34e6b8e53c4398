// Test builders for the Istio objects browser: cached objects carrying every mark of the console's ownership
// proof (or only some of them), clusters of them, and a model-like state with ownership scopes.
import { clusterOfKinds, fleetOf } from "@/lib/fleet/snapshot-fixtures";
import type { CachedObject, ClusterSnapshot } from "@/lib/fleet/snapshot-types";
import { CONTENT_HASH_ANNOTATION, MANAGED_BY_LABEL, MANAGED_BY_VALUE, SERVICES_ANNOTATION, SOURCE_CLUSTERS_ANNOTATION, WORKSPACES_ANNOTATION } from "@/lib/plan/desired";
import type { OwnershipScope } from "@/lib/registry/ownership-scope";
import type { OwnershipState } from "../ownership";
import type { IstioObjectKind } from "../types";

export const HASH = "0123456789abcdef0123456789abcdef";
/** Every mark: label, the four annotations, the registry's field manager. */
export const MARKS = {
  labels: { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE },
  annotations: { [SOURCE_CLUSTERS_ANNOTATION]: "west", [WORKSPACES_ANNOTATION]: "bookinfo-ws", [SERVICES_ANNOTATION]: "details.bookinfo.svc.cluster.local", [CONTENT_HASH_ANNOTATION]: HASH },
  managedFields: [{ manager: "eastwest-registry", operation: "Apply" }],
};

type Options = { marks?: Partial<typeof MARKS>; created?: string; uid?: string; status?: unknown };

export function istio(kind: IstioObjectKind, namespace: string, name: string, spec: unknown, options: Options = {}): CachedObject {
  const marks = options.marks ?? {};
  return {
    apiVersion: "networking.istio.io/v1",
    kind,
    metadata: {
      name,
      namespace,
      uid: options.uid ?? `uid-${kind}-${namespace}-${name}`,
      resourceVersion: "1",
      creationTimestamp: options.created ?? "2026-12-05T03:00:00Z",
      ...(marks.labels ? { labels: marks.labels } : {}),
      ...(marks.annotations ? { annotations: marks.annotations } : {}),
      ...(marks.managedFields ? { managedFields: marks.managedFields } : {}),
    },
    spec,
    ...(options.status === undefined ? {} : { status: options.status }),
  };
}

export const seSpec = (...hosts: string[]) => ({ hosts, ports: [{ number: 9080, name: "http", protocol: "HTTP" }], resolution: "STATIC" });

/** A cluster from Istio objects (grouped by their kind). */
export function clusterWith(name: string, objects: readonly CachedObject[], extra: Partial<ClusterSnapshot> = {}): ClusterSnapshot {
  const byKind: Partial<Record<IstioObjectKind, CachedObject[]>> = {};
  for (const o of objects) (byKind[o.kind as IstioObjectKind] ??= []).push(o);
  return clusterOfKinds(name, byKind, extra);
}

export const scope = (namespaces: string[], gateways: string[] = []): OwnershipScope => ({ workspaceNamespaces: new Set(namespaces), gateways: new Set(gateways) });

/** A model-like state: the snapshot and, per cluster, the ownership scope the registry would prove against. */
export function stateOf(clusters: readonly ClusterSnapshot[], scopes: Record<string, OwnershipScope>, revision = 1) {
  const state: OwnershipState & { snapshot: ReturnType<typeof fleetOf> } = {
    snapshot: fleetOf(clusters, clusters[0]?.name ?? null, revision),
    registry: { scopes: { scopes: new Map(Object.entries(scopes)), keys: new Map() } },
    plan: { clusters: {} },
  };
  return state;
}
