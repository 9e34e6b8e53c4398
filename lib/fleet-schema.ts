import { z } from "zod";

/**
 * The fleet view model: what the browser and the server agree a fleet looks like.
 * It is the only shape that crosses the tRPC boundary for the overview page, so it
 * deliberately carries no kubeconfig material — names, URLs without userinfo,
 * versions, timings and human sentences only.
 */

export const clusterErrorReasonSchema = z.enum([
  "refused",
  "timeout",
  "unauthorized",
  "forbidden",
  "tls",
  "dns",
  "unknown",
]);
export type ClusterErrorReason = z.infer<typeof clusterErrorReasonSchema>;

export const clusterErrorViewSchema = z.object({
  reason: clusterErrorReasonSchema,
  message: z.string(),
});
export type ClusterErrorView = z.infer<typeof clusterErrorViewSchema>;

/** See ClusterSyncState in lib/fleet/snapshot-types.ts: syncing, synced, or stale (last known objects). */
export const syncStateSchema = z.enum(["syncing", "synced", "stale"]);
export type SyncState = z.infer<typeof syncStateSchema>;

const count = z.number().int().nonnegative();

export const clusterCountsSchema = z.object({
  gateways: count,
  exposedServices: count,
  serviceEntries: count,
  shadowWorkloadEntries: count,
  services: count,
  namespaces: count,
  pods: count,
  deployments: count,
  objects: count,
});
export type ClusterCountsView = z.infer<typeof clusterCountsSchema>;

/** What the console's cache knows of a cluster's objects; counts of a stale cluster are its last known ones. */
export const clusterSyncSchema = z.object({
  state: syncStateSchema,
  staleSince: z.iso.datetime().nullable(),
  /** Why the cluster is stale (null unless stale). */
  error: clusterErrorViewSchema.nullable(),
  lastSyncAt: z.iso.datetime().nullable(),
  /**
   * False until every kind has been listed once by this console process: the counts and workspaces are then
   * unknown (not zero), and the cluster must be shown as never reached, not as empty.
   */
  everSynced: z.boolean(),
  /** When this console process started watching the cluster ("never reached since 14:03:05 UTC"). */
  watchingSince: z.iso.datetime().nullable(),
  lastChangeAt: z.iso.datetime().nullable(),
  /** The server version last seen (kept while the cluster is unreachable). */
  lastVersion: z.string().nullable(),
  counts: clusterCountsSchema,
  /** Workspaces (from the management cluster) that cover a namespace of this cluster. */
  workspaces: z.array(z.string()),
});
export type ClusterSync = z.infer<typeof clusterSyncSchema>;

const clusterBaseSchema = z.object({
  cluster: z.string().min(1),
  server: z.string(),
  management: z.boolean(),
  checkedAt: z.iso.datetime(),
  /** When the cluster entered its current state (reachable or not): "down for 3m". */
  since: z.iso.datetime(),
  sync: clusterSyncSchema,
});

/** Per-cluster results are data: one bad cluster never fails the page. */
export const clusterStatusSchema = z.discriminatedUnion("ok", [
  clusterBaseSchema.extend({
    ok: z.literal(true),
    value: z.object({ version: z.string(), latencyMs: z.number().nonnegative() }),
  }),
  clusterBaseSchema.extend({
    ok: z.literal(false),
    error: clusterErrorViewSchema,
    // Stale, never empty: when it was last seen healthy, if ever.
    lastReachableAt: z.iso.datetime().nullable(),
  }),
]);
export type ClusterStatus = z.infer<typeof clusterStatusSchema>;

export const configErrorSchema = z.object({
  reason: z.enum(["missing", "unreadable", "invalid"]),
  paths: z.array(z.string()),
  message: z.string(),
  /** What a person can do about it. */
  hint: z.string(),
});
export type ConfigError = z.infer<typeof configErrorSchema>;

export const fleetViewSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("ready"),
    sources: z.array(z.string()),
    managementCluster: z.string().nullable(),
    clusters: z.array(clusterStatusSchema),
  }),
  z.object({ kind: z.literal("config-error"), error: configErrorSchema }),
]);
export type FleetView = z.infer<typeof fleetViewSchema>;

/** A change to the fleet, as streamed over SSE and folded by `applyFleetEvent`. */
export const fleetEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("cluster-updated"), status: clusterStatusSchema }),
  /** Several clusters changed within one coalescing tick: one SSE message instead of many. */
  z.object({ type: z.literal("clusters-updated"), statuses: z.array(clusterStatusSchema) }),
  z.object({ type: z.literal("fleet-reset"), fleet: fleetViewSchema }),
]);
export type FleetEvent = z.infer<typeof fleetEventSchema>;

/** Cluster names are kubeconfig context names (DNS-1123-ish, but kubeconfigs allow more). */
export const clusterNameSchema = z
  .string()
  .trim()
  .min(1, "cluster name is required")
  .max(253, "cluster name is longer than 253 characters");
