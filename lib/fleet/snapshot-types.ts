/**
 * The fleet snapshot: an immutable picture of every cluster's cached objects, the contract
 * between the fleet cache (server/fleet) and its consumers (the registry controller, the
 * overview summaries). Types only, so it is isomorphic; nothing here holds credentials.
 *
 * Semantics consumers rely on:
 * - A snapshot never changes after it is published; a new one gets a higher `revision`.
 * - A cluster that is `stale` (unreachable, credentials rejected, watch broken) or still
 *   `syncing` after having been synced keeps its last known objects: absence of an object
 *   from a stale cluster means nothing. Reconcilers must not delete what was generated
 *   from a cluster that is not `synced`.
 * - Objects are plain JSON as the API server returned them, minus the
 *   `kubectl.kubernetes.io/last-applied-configuration` annotation, and with `metadata.managedFields`
 *   reduced to who wrote the object (`manager` and `operation` of each entry, no field sets): the
 *   registry proves ownership by its field manager. Secrets are never cached.
 */

/** The kinds the console watches. Workspaces and WorkspaceSettings only on the management cluster. */
export const FLEET_KINDS = [
  "Namespace",
  "Service",
  "EndpointSlice",
  "Pod",
  // Nodes, projected to name, uid, resourceVersion and labels: a gateway pod's locality is its Node's topology
  // labels (lib/registry/locality.ts). Cluster-scoped, so keyed by name.
  "Node",
  "Deployment",
  "ServiceEntry",
  "WorkloadEntry",
  "DestinationRule",
  // Istio Gateways: the registry owns the AUTO_PASSTHROUGH 15443 Gateway of each east-west gateway and must see
  // them to verify and clean them up.
  "Gateway",
  "IngressGateway",
  "Workspace",
  "WorkspaceSetting",
  // Failover drills (issue 13, deploy/crds/failoverdrills.eastwest.dev.yaml), kept whole: the runner resumes a
  // drill from its status. A cluster without the CRD serves none (the informer asks again after a short while).
  "FailoverDrill",
] as const;
export type FleetKind = (typeof FLEET_KINDS)[number];

/** Kinds that live only on the management cluster (TSB configuration objects). */
export const MANAGEMENT_KINDS: readonly FleetKind[] = ["Workspace", "WorkspaceSetting"];

export type ObjectMeta = {
  readonly name: string;
  readonly namespace?: string;
  readonly uid?: string;
  /** Opaque: compare for equality only, never order (Kubernetes API conventions). */
  readonly resourceVersion?: string;
  readonly generation?: number;
  readonly creationTimestamp?: string;
  readonly deletionTimestamp?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly ownerReferences?: ReadonlyArray<Readonly<Record<string, unknown>>>;
  /** Compact: each server-side-apply entry's manager and operation only (server/kube/slim.ts). */
  readonly managedFields?: ReadonlyArray<ManagerEntry>;
};

/** One `metadata.managedFields` entry as the cache keeps it. */
export type ManagerEntry = { readonly manager: string; readonly operation: string };

/** One cached object: plain JSON with the usual envelope; spec/status stay untyped JSON. */
export type CachedObject = {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ObjectMeta;
  readonly spec?: unknown;
  readonly status?: unknown;
  readonly [field: string]: unknown;
};

/** Cached objects of one kind, keyed by `namespace/name` (cluster-scoped: `name`). */
export type ObjectMap = ReadonlyMap<string, CachedObject>;

/** Every watched kind is present (possibly empty), so consumers never need to check. */
export type ClusterObjects = Readonly<Record<FleetKind, ObjectMap>>;

/**
 * - `syncing`: the first list of every kind has not completed yet (or a relist is running
 *   after the cluster came back; its previous objects are still there).
 * - `synced`: every kind is listed and its watch is open.
 * - `stale`: a list or watch failed (refused, no answer, 401/403, …) and has not recovered;
 *   objects are the last known ones.
 */
export type ClusterSyncState = "syncing" | "synced" | "stale";

/** Why a cluster is stale, as a sentence a person can act on (never a transport message). */
export type ClusterSnapshotError = {
  readonly reason: "refused" | "timeout" | "unauthorized" | "forbidden" | "tls" | "dns" | "unknown";
  readonly message: string;
};

export type ClusterSnapshot = {
  /** The kubeconfig context name. */
  readonly name: string;
  readonly state: ClusterSyncState;
  /** ISO time the cluster became stale (only while `state` is "stale"). */
  readonly staleSince?: string;
  /** The last failure seen; kept after recovery until the next failure replaces it. */
  readonly lastError?: ClusterSnapshotError;
  /** `gitVersion` from /version, once known. */
  readonly version?: string;
  /** Latency of the last /version probe, in milliseconds. */
  readonly latencyMs?: number;
  /** ISO time every kind was last fully listed (the start of "synced"). Absent: never synced by this process. */
  readonly lastSyncAt?: string;
  /**
   * ISO time this console process started watching the cluster. With no `lastSyncAt`, nothing is known of the
   * cluster since then: its empty object maps mean "never seen", not "holds nothing".
   */
  readonly watchingSince?: string;
  /** ISO time of the last object change received from this cluster. */
  readonly lastChangeAt?: string;
  /** True for the management cluster (where Workspaces and WorkspaceSettings live). */
  readonly management: boolean;
  readonly objects: ClusterObjects;
};

export type FleetSnapshot = {
  /** Increases by at least one with every published snapshot; never reused within a process. */
  readonly revision: number;
  /** ISO time the snapshot was built. */
  readonly at: string;
  /** The management cluster's name, or null when the fleet is empty. */
  readonly managementCluster: string | null;
  /** In kubeconfig order. */
  readonly clusters: readonly ClusterSnapshot[];
};

/** The cache key of an object: `namespace/name`, or `name` for cluster-scoped kinds. */
export function objectKey(meta: { readonly name?: string; readonly namespace?: string }): string {
  return meta.namespace ? `${meta.namespace}/${meta.name ?? ""}` : (meta.name ?? "");
}
