// Per fleet model: what the workspace pages read that walks the fleet (readiness, a workspace's services and
// clusters, the conditions about it), kept until what it was computed from changes. Keys are the identities of
// the model's parts a value reads — the adapted input (the same object while nothing the planner reads changed),
// the cache's per-kind object maps (kept while their kind is unchanged), condition arrays — plus a freshness
// string that ignores probe-only fields (latencyMs, checkedAt). So 100 page loads between two changes cost one
// computation, and a probe-only snapshot costs O(clusters) to see that nothing it reads changed.
import type { FleetSnapshot, ObjectMap } from "@/lib/fleet/snapshot-types";
import { createRegistryMemos, type RegistryMemos } from "@/lib/registry/registry-memos";
import type { FleetModel } from "@/server/model/types";

type Slot = { keys: readonly unknown[]; value: unknown };

export type ViewMemo = {
  /** `compute()` unless the slot's last keys are the same (Object.is, element by element). */
  get<V>(slot: string, keys: readonly unknown[], compute: () => V): V;
  /**
   * `get` for a value computed asynchronously (in slices of the event loop): callers between two changes share one
   * computation; a failed one is forgotten, so the next caller tries again rather than reading the failure forever.
   */
  getAsync<V>(slot: string, keys: readonly unknown[], compute: () => Promise<V>): Promise<V>;
  /** Values computed so far (tests, diagnostics). */
  computed(): number;
};

const sameKeys = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((k, i) => Object.is(k, b[i]));

export function createViewMemo(): ViewMemo {
  const slots = new Map<string, Slot>();
  let computed = 0;
  return {
    get<V>(slot: string, keys: readonly unknown[], compute: () => V): V {
      const known = slots.get(slot);
      if (known && sameKeys(known.keys, keys)) return known.value as V;
      computed += 1;
      const value = compute();
      slots.set(slot, { keys, value });
      return value;
    },
    getAsync<V>(slot: string, keys: readonly unknown[], compute: () => Promise<V>): Promise<V> {
      const known = slots.get(slot);
      if (known && sameKeys(known.keys, keys)) return known.value as Promise<V>;
      computed += 1;
      const value = compute();
      const entry: Slot = { keys, value };
      slots.set(slot, entry);
      value.catch(() => {
        if (slots.get(slot) === entry) slots.delete(slot);
      });
      return value;
    },
    computed: () => computed,
  };
}

const memos = new WeakMap<FleetModel, ViewMemo>();

/** The memo of one model: created with its first use, dropped with the model. */
export function viewMemoOf(model: FleetModel): ViewMemo {
  let memo = memos.get(model);
  if (!memo) memos.set(model, (memo = createViewMemo()));
  return memo;
}

const registryMemos = new WeakMap<FleetModel, RegistryMemos>();

/** The lib/registry memos (observed indexes, scopes, proofs) the previews of one model keep: dropped with it. */
export function registryMemosOf(model: FleetModel): RegistryMemos {
  let memos = registryMemos.get(model);
  if (!memos) registryMemos.set(model, (memos = createRegistryMemos()));
  return memos;
}

/** What a workspace page reads of a snapshot beyond the planner input, as identities and one string. */
export type SnapshotKeys = {
  /** Names, management flag and freshness of every cluster (no probe latency, no check times). */
  clusters: string;
  /** Per cluster, in order: its Pod, Service and IngressGateway maps. */
  maps: readonly ObjectMap[];
  pods: readonly ObjectMap[];
};

const keysBySnapshot = new WeakMap<FleetSnapshot, SnapshotKeys>();

export function snapshotKeys(snapshot: FleetSnapshot): SnapshotKeys {
  let keys = keysBySnapshot.get(snapshot);
  if (keys) return keys;
  const clusters = JSON.stringify([
    snapshot.managementCluster,
    snapshot.clusters.map((c) => [c.name, c.management, c.state, c.staleSince ?? null, c.lastSyncAt !== undefined, c.watchingSince ?? null, c.lastError?.message ?? null]),
  ]);
  const pods = snapshot.clusters.map((c) => c.objects.Pod);
  const maps = snapshot.clusters.flatMap((c) => [c.objects.Pod, c.objects.Service, c.objects.IngressGateway]);
  keysBySnapshot.set(snapshot, (keys = { clusters, maps, pods }));
  return keys;
}
