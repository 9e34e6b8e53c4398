// What the topology graph is built from: the clusters to draw and, per workspace, lib/failover's input (the facts:
// gateways with addresses and ready pods, clusters' freshness and locality, ServiceEntry and shadow WorkloadEntry
// addresses) and its failoverStates output. Built on the server from the fleet model (server/topology); plain data.
import type { FailoverInput, FailoverRow } from "@/lib/failover/types";

export type WorkspaceFailover = { workspace: string; input: FailoverInput; rows: readonly FailoverRow[] };

export type TopologyCluster = { name: string; stale: boolean; staleSince?: string; locality?: string };

export type TopologySource = {
  /** The workspace the graph is scoped to; absent for the whole fleet. */
  workspace?: string;
  /** Every cluster to draw (the fleet's, or the ones the workspace spans), whether or not it runs a service. */
  clusters: readonly TopologyCluster[];
  workspaces: readonly WorkspaceFailover[];
  /** RFC 3339: when the fleet state it reads was built. */
  computedAt: string;
};
