// A list-based fleet snapshot: one full list of every watched kind, per cluster, on demand, in the fleet cache's
// own shape (lib/fleet/snapshot-types.ts) and with its own object slimming, so the registry reads it exactly as
// it reads the cache. It stands in for the watch-based cache where that is not running (integration tests, the
// benchmark, a one-shot CLI). A cluster whose lists fail keeps its last known objects and is marked stale —
// never empty — so the registry holds everything generated from it.
import { FLEET_KINDS, objectKey, type ClusterObjects, type ClusterSnapshot, type FleetKind, type FleetSnapshot, type ObjectMap } from "@/lib/fleet/snapshot-types";
import type { ClusterHandle } from "./kubeconfig";
import { collectionPath, groupVersion, KIND_API } from "./kinds";
import { isKubeHttpError } from "./kube-http";
import { listAll } from "./kube-list";
import { projectMetadata } from "./project-metadata";
import { slimObject } from "./slim";

export type FleetLister = {
  /** Re-lists every cluster (in parallel) and returns the new snapshot. */
  refresh(): Promise<FleetSnapshot>;
  current(): FleetSnapshot;
};

const EMPTY: ClusterObjects = Object.fromEntries(FLEET_KINDS.map((kind): [FleetKind, ObjectMap] => [kind, new Map()])) as Record<FleetKind, ObjectMap>;

async function listKind(handle: ClusterHandle, kind: FleetKind, timeoutMs: number): Promise<ObjectMap> {
  const kc = handle.kubeConfig;
  if (!kc) throw new Error(handle.problem ?? "unusable context");
  const api = KIND_API[kind];
  // One signal per list: each page adds a listener to it (a deadline per page), so sharing one would pile them up.
  // A 404 is a kind the cluster does not serve (its CRD is not installed: no IngressGateway, no FailoverDrill):
  // none of them, as the informer reads it, and the cluster is still listed, not stale.
  const listed = await listAll(kc, collectionPath(api), new AbortController().signal, timeoutMs).catch((err: unknown) => {
    if (isKubeHttpError(err) && err.code === 404) return { items: [] as unknown[] };
    throw err;
  });
  const { items } = listed;
  const slim = api.metadataOnly ? projectMetadata : slimObject;
  const objects = items.flatMap((raw) => slim(raw, kind, groupVersion(api)) ?? []);
  return new Map(objects.map((o) => [objectKey(o.metadata), o]));
}

async function listCluster(handle: ClusterHandle, timeoutMs: number): Promise<ClusterObjects> {
  const lists = await Promise.all(FLEET_KINDS.map(async (kind): Promise<[FleetKind, ObjectMap]> => [kind, await listKind(handle, kind, timeoutMs)]));
  return Object.fromEntries(lists) as Record<FleetKind, ObjectMap>;
}

export function createFleetLister(handles: readonly ClusterHandle[], options: { timeoutMs: number }): FleetLister {
  const base = (h: ClusterHandle) => ({ name: h.name, management: false });
  let snapshot: FleetSnapshot = { revision: 0, at: new Date().toISOString(), managementCluster: null, clusters: handles.map((h) => ({ ...base(h), state: "syncing", objects: EMPTY })) };
  return {
    current: () => snapshot,
    async refresh() {
      const clusters = await Promise.all(
        handles.map(async (h, i): Promise<ClusterSnapshot> => {
          const before = snapshot.clusters[i];
          try {
            const at = new Date().toISOString();
            return { ...base(h), state: "synced", lastSyncAt: at, objects: await listCluster(h, options.timeoutMs) };
          } catch {
            const lastSyncAt = before?.lastSyncAt;
            return { ...base(h), state: "stale", ...(lastSyncAt ? { lastSyncAt } : {}), objects: before?.objects ?? EMPTY };
          }
        }),
      );
      snapshot = { revision: snapshot.revision + 1, at: new Date().toISOString(), managementCluster: null, clusters };
      return snapshot;
    },
  };
}
