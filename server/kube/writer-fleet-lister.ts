// A list-based fleet snapshot for the registry: one full list of every kind the registry reads, per cluster, on
// demand. It stands in for the watch-based fleet cache where that is not running (integration tests, the
// benchmark, a one-shot CLI). A cluster whose lists fail keeps its last known objects and is marked stale —
// never empty — so the registry holds everything generated from it.
import type { FleetSnapshotLike, SnapshotCluster, SnapshotKind, SnapshotObject } from "@/lib/registry/snapshot-like";
import { SNAPSHOT_KINDS } from "@/lib/registry/snapshot-like";
import type { ClusterHandle } from "./kubeconfig";
import { collectionPath, KIND_API } from "./kinds";
import { listAll } from "./kube-list";

export type FleetLister = {
  /** Re-lists every cluster (in parallel) and returns the new snapshot. */
  refresh(): Promise<FleetSnapshotLike>;
  current(): FleetSnapshotLike;
};

async function listCluster(handle: ClusterHandle, timeoutMs: number): Promise<SnapshotCluster["objects"]> {
  const kc = handle.kubeConfig;
  if (!kc) throw new Error(handle.problem ?? "unusable context");
  // One signal per list: each page adds a listener to it (a deadline per page), so sharing one would pile them up.
  const list = async (kind: SnapshotKind) => (await listAll(kc, collectionPath(KIND_API[kind]), new AbortController().signal, timeoutMs)).items as SnapshotObject[];
  const lists = await Promise.all(SNAPSHOT_KINDS.map(async (kind) => [kind, await list(kind)] as const));
  return Object.fromEntries(lists);
}

export function createFleetLister(handles: readonly ClusterHandle[], options: { timeoutMs: number }): FleetLister {
  let snapshot: FleetSnapshotLike = { clusters: handles.map((h) => ({ name: h.name, stale: true, objects: {} })) };
  return {
    current: () => snapshot,
    async refresh() {
      const clusters = await Promise.all(
        handles.map(async (h, i): Promise<SnapshotCluster> => {
          try {
            return { name: h.name, stale: false, objects: await listCluster(h, options.timeoutMs) };
          } catch {
            return { name: h.name, stale: true, objects: snapshot.clusters[i]?.objects ?? {} };
          }
        }),
      );
      snapshot = { clusters };
      return snapshot;
    },
  };
}
