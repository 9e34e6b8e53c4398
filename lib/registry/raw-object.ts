// The loose view of one Kubernetes object the registry's readers accept (adapter-services.ts, locality.ts, …):
// every field optional, since they validate what they read. The fleet cache's objects (lib/fleet/snapshot-types.ts)
// satisfy it without conversion.

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
