// The minimal structural view of a fleet snapshot the registry reads: per cluster, per kind, arrays of plain
// Kubernetes objects as the API returned them. Written before the fleet cache's own snapshot type existed; any
// snapshot with this shape (per cluster: name, stale, objects by kind) satisfies it without conversion.

export type SnapshotMeta = {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  /** A string from raw JSON; client-node's typed models turn it into a Date. */
  creationTimestamp?: string | Date;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** Full entries from a list, or the fleet cache's compact `{manager, operation}` ones (server/kube/slim.ts). */
  managedFields?: ReadonlyArray<unknown>;
};

export type SnapshotObject = { metadata?: SnapshotMeta; spec?: unknown; status?: unknown };

export const SNAPSHOT_KINDS = [
  "Namespace",
  "Service",
  "IngressGateway",
  "DestinationRule",
  "Workspace",
  "WorkspaceSetting",
  "ServiceEntry",
  "WorkloadEntry",
  "Gateway",
  // The east-west gateways' pods and the Nodes they run on: the Nodes' topology labels (or the pods' own
  // istio-locality label) give the cluster's locality (locality.ts).
  "Pod",
  "Node",
] as const;

export type SnapshotKind = (typeof SNAPSHOT_KINDS)[number];

export type SnapshotCluster = {
  name: string;
  /** Unreachable or not yet synced: `objects` is the last known state (possibly empty after a restart). */
  stale: boolean;
  objects: Partial<Record<SnapshotKind, readonly SnapshotObject[]>>;
};

export type FleetSnapshotLike = { clusters: readonly SnapshotCluster[] };
