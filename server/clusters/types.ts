// The cluster page's API (router `clusters`): what one cluster's page shows, read from the fleet cache and the
// fleet model, never from the cluster on request. Types and the input schema only; safe for the browser.
//
//   detail   query   {cluster} → ClusterDetail   (NOT_FOUND, field "cluster", for a name the fleet does not have)
import { z } from "zod";
import { clusterNameSchema, type ClusterStatus } from "@/lib/fleet-schema";
import type { FleetKind } from "@/lib/fleet/snapshot-types";
import type { GatewayState } from "@/lib/workspace-view/types";

export const clusterRefSchema = z.object({ cluster: clusterNameSchema });
export type ClusterRef = z.infer<typeof clusterRefSchema>;

/** How many objects of one watched kind the cache holds for the cluster (its last known ones while stale). */
export type KindCount = { kind: FleetKind; count: number };

/** A workspace that covers namespaces of this cluster, and which of its namespaces. */
export type ClusterWorkspace = { name: string; namespaces: string[] };

export type ClusterDetail = {
  /** The overview's status of the cluster: probe, sync state, figures (lib/fleet-schema.ts). */
  status: ClusterStatus;
  /**
   * Whether the objects below are known: false for a cluster never listed since the console started (the lists
   * are then empty because nothing is known, not because it holds nothing).
   */
  known: boolean;
  /** True while the objects below are the last known ones (stale or unreachable), not the cluster's current ones. */
  lastKnown: boolean;
  kinds: KindCount[];
  /** Every east-west IngressGateway of the cluster, by namespace/name, judged as the workspace page judges it. */
  gateways: GatewayState[];
  workspaces: ClusterWorkspace[];
};
