// The contract between the topology API (server/topology, server/routers/topology.ts) and the topology page
// (app/topology, components/topology). Types and zod input schemas only; everything here is safe for the browser.
//
// The server holds the whole graph (every service of every cluster, memoized on the fleet model) and sends the
// browser only what is visible: clusters and namespaces are collapsed unless their id is in `expanded`, and the
// edges between collapsed groups are aggregated (counts by status, worst state). At 20 clusters × 1,000 services
// the collapsed view is 20 nodes, so the browser lays out and draws what a person can read.
//
// Procedures (router `topology`):
//   graph     query        TopologyGraphInput → TopologyGraph   (NOT_FOUND, field "workspace", for an unknown one)
//   rows      query        TopologyRowsInput  → TopologyRows    (the table view: one row per service per cluster, paged)
//   onChange  subscription {workspace?, lastEventId?} → {version}  (sent only when the graph's data changed)
// Router `inspect` (side panel and what-if):
//   node      query        {workspace?, id}   → NodeDetails
//   whatIf    query        WhatIfInput        → WhatIfResult
import { z } from "zod";
import type { AtRiskReason, FailoverKind } from "@/lib/failover/types";
import { MAX_NAME_LENGTH } from "@/lib/validation/limits";

/** Most ids a graph request may expand; more than a person can read at once. */
export const MAX_EXPANDED = 200;
/** Most rows per page of the table view. */
export const MAX_TOPOLOGY_ROWS = 500;
/** Longest node id (`svc:<cluster>/<fqdn>` and the like). */
export const MAX_NODE_ID_LENGTH = 600;

const nodeId = z.string({ error: "id must be a string" }).min(1, { error: "id is required" }).max(MAX_NODE_ID_LENGTH, { error: `id is longer than ${MAX_NODE_ID_LENGTH} characters` });
const optionalName = (what: string) =>
  z.string({ error: `${what} must be a string` }).min(1, { error: `${what} must not be empty` }).max(MAX_NAME_LENGTH, { error: `${what} is longer than ${MAX_NAME_LENGTH} characters` }).optional();

/**
 * Node ids, stable across changes so a live update keeps selection, pan and zoom:
 *   cluster:<cluster>
 *   ns:<cluster>/<namespace>
 *   gw:<cluster>/<namespace>/<name>
 *   svc:<cluster>/<fqdn>            a Service the cluster runs
 *   se:<cluster>/<fqdn>             a host the cluster consumes only through a ServiceEntry (remote only)
 */
export type NodeKind = "cluster" | "namespace" | "gateway" | "service" | "service-entry";

/** How many services (service × cluster) of a group are in each failover state. */
export type StateCounts = Partial<Record<FailoverKind, number>>;

type NodeBase = { id: string; label: string; cluster: string; /** The id of the group drawn around it (none for a cluster). */ parent?: string };

export type TopologyNode =
  | (NodeBase & { kind: "cluster"; stale: boolean; staleSince?: string; locality?: string; expanded: boolean; counts: StateCounts; worst?: FailoverKind; services: number; gateways: number })
  | (NodeBase & { kind: "namespace"; namespace: string; expanded: boolean; counts: StateCounts; worst?: FailoverKind; services: number })
  | (NodeBase & { kind: "gateway"; namespace: string; name: string; addresses: string[]; readyPods: number; ready: boolean })
  | (NodeBase & {
      kind: "service" | "service-entry";
      namespace: string;
      fqdn: string;
      state: FailoverKind;
      /** FAILOVER_WORDS[state] */
      words: string;
      reason?: AtRiskReason;
      reasonWords?: string;
      /** failoverSentence: one sentence starting with the words. */
      sentence: string;
    });

/**
 * An edge. `failover`: from a service (its shadow WorkloadEntries) or a ServiceEntry host in one cluster to the
 * remote east-west gateway it dials. `ingress`: from that gateway on to the remote service it leads to. Between
 * collapsed groups, one edge stands for `count` underlying edges.
 *  - active:  traffic takes it now (the source has failed over, or consumes the host remotely);
 *  - standby: a working failover route not in use (the source serves locally);
 *  - broken:  the objects exist but the route does not work (gateway not ready, remote instances down, stale).
 */
export type EdgeStatus = "active" | "standby" | "broken";

export type TopologyEdge = {
  id: string;
  kind: "failover" | "ingress";
  source: string;
  target: string;
  count: number;
  /** The worst status among the edges it stands for (broken > active > standby). */
  status: EdgeStatus;
  statusCounts: Partial<Record<EdgeStatus, number>>;
  /** Source and destination clusters, for joining traffic (lib/traffic) onto the edge. */
  sourceCluster: string;
  targetCluster: string;
  /** The services it carries (up to 20 FQDNs; `count` tells how many). */
  fqdns: string[];
};

export type TopologyGraph = {
  /** The workspace it is scoped to; absent for the whole fleet. */
  workspace?: string;
  nodes: TopologyNode[];
  edges: TopologyEdge[];
  /** Counts over everything, collapsed or not: the legend's figures. */
  counts: StateCounts;
  /** Changes when the graph's data changes (the same value onChange sends). */
  version: string;
  /** RFC 3339: the fleet state it was computed from. */
  computedAt: string;
  /** Nothing to draw, and why (a deliberate empty state). */
  empty?: "no-clusters" | "no-workspaces" | "no-services";
};

export const topologyGraphInputSchema = z.object({
  workspace: optionalName("workspace"),
  expanded: z.array(nodeId).max(MAX_EXPANDED, { error: `at most ${MAX_EXPANDED} groups can be expanded at once` }).default([]),
});
export type TopologyGraphInput = z.input<typeof topologyGraphInputSchema>;

export const topologyRowsInputSchema = z.object({
  workspace: optionalName("workspace"),
  cluster: optionalName("cluster"),
  namespace: optionalName("namespace"),
  state: z.enum(["serving-locally", "failed-over", "at-risk", "remote-only", "unavailable", "unknown"], { error: "state is not a failover state" }).optional(),
  search: z.string({ error: "search must be a string" }).max(MAX_NAME_LENGTH, { error: `search is longer than ${MAX_NAME_LENGTH} characters` }).optional(),
  /** Unhealthy first (unavailable, at risk, failed over, unknown, then the rest), then cluster and FQDN. */
  sort: z.enum(["health", "cluster", "service"], { error: "sort must be health, cluster or service" }).default("health"),
  offset: z.number({ error: "offset must be a number" }).int().min(0).max(10_000_000).default(0),
  limit: z.number({ error: "limit must be a number" }).int().min(1).max(MAX_TOPOLOGY_ROWS, { error: `limit is at most ${MAX_TOPOLOGY_ROWS}` }).default(100),
});
export type TopologyRowsInput = z.input<typeof topologyRowsInputSchema>;

export type TopologyRow = {
  id: string;
  cluster: string;
  namespace: string;
  fqdn: string;
  state: FailoverKind;
  words: string;
  reasonWords?: string;
  sentence: string;
  /** Where its failover traffic would go (or goes): cluster and gateway, nearest first. */
  targets: Array<{ cluster: string; gateway: string }>;
};

export type TopologyRows = { rows: TopologyRow[]; total: number; offset: number; version: string };

/** Something to imagine failing ("what if"). Nothing is injected. */
export const whatIfRemovalSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("cluster"), cluster: z.string().min(1).max(MAX_NAME_LENGTH) }),
  z.object({ kind: z.literal("gateway"), cluster: z.string().min(1).max(MAX_NAME_LENGTH), namespace: z.string().min(1).max(MAX_NAME_LENGTH), name: z.string().min(1).max(MAX_NAME_LENGTH) }),
  z.object({ kind: z.literal("instance"), cluster: z.string().min(1).max(MAX_NAME_LENGTH), fqdn: z.string().min(1).max(MAX_NAME_LENGTH) }),
], { error: "removal.kind must be cluster, gateway or instance" });

export const whatIfInputSchema = z.object({ workspace: optionalName("workspace"), removal: whatIfRemovalSchema });
export type WhatIfInput = z.input<typeof whatIfInputSchema>;

export const nodeInputSchema = z.object({ workspace: optionalName("workspace"), id: nodeId });
