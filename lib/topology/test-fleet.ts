// Test support: lib/failover's bookinfo fleet (west, east, north run services; south consumes details through a
// ServiceEntry) as a full topology, and ids of its nodes. Not a test file itself.
import { failoverStates } from "@/lib/failover/failover-state";
import type { FailoverInput } from "@/lib/failover/types";
import { fullTopology, type FullTopology } from "./full-graph";
import { clusterNodeId, gatewayNodeId, namespaceNodeId, serviceEntryNodeId, serviceNodeId } from "./ids";
import type { WorkspaceFailover } from "./source";

export const AT = "2026-12-05T03:00:00.000Z";

export const part = (input: FailoverInput, workspace = "bookinfo-ws"): WorkspaceFailover => ({ workspace, input, rows: failoverStates(input) });

/** The workspace's topology of `input` (clusters: the ones it spans). */
export function topologyOf(input: FailoverInput): FullTopology {
  return fullTopology({ workspace: "bookinfo-ws", clusters: input.clusters, workspaces: [part(input)], computedAt: AT });
}

export const gw = (cluster: string) => gatewayNodeId(cluster, "istio-system", "eastwest-gateway");
export const svc = (cluster: string, fqdn: string) => serviceNodeId(cluster, fqdn);
export const se = (cluster: string, fqdn: string) => serviceEntryNodeId(cluster, fqdn);
export const ns = (cluster: string) => namespaceNodeId(cluster, "bookinfo");
export const cl = clusterNodeId;

/** Every cluster and its bookinfo namespace expanded: the leaf graph. */
export const EVERYTHING = ["west", "east", "north", "south"].flatMap((c) => [cl(c), ns(c)]);
