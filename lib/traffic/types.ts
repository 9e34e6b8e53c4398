// The contract between the traffic API (server/traffic, server/routers/traffic.ts) and the pages that show it
// (the workspace page's failover table, the topology page's edges). Types and zod input schemas only.
//
// Traffic comes from Prometheus (EASTWEST_PROMETHEUS_URL) with Istio's standard metrics: rates of
// `istio_requests_total` reported by the source proxy (reporter="source"), by source_cluster, destination_cluster
// and destination_service, over the last minute. Without a configured Prometheus the pages show configuration
// state only and say so once; a Prometheus that does not answer is "down", never "no traffic".
//
// Procedures (router `traffic`):
//   view   query  {workspace?} → TrafficView
import { z } from "zod";
import { MAX_NAME_LENGTH } from "@/lib/validation/limits";

export const trafficInputSchema = z.object({
  workspace: z.string({ error: "workspace must be a string" }).min(1, { error: "workspace must not be empty" }).max(MAX_NAME_LENGTH, { error: `workspace is longer than ${MAX_NAME_LENGTH} characters` }).optional(),
});

export type TrafficStatus =
  | { state: "not-configured" }
  | { state: "down"; message: string }
  | { state: "ok"; /** The PromQL range, e.g. "1m". */ window: string };

/** Requests a cluster's workloads sent to one service, and which clusters served them. */
export type ServedBy = {
  sourceCluster: string;
  fqdn: string;
  /** Requests per second over the window. */
  rps: number;
  /** Share of responses with a 5xx code (0..1). */
  errorRate: number;
  /** Nearest-first is not known here: sorted by share, largest first. */
  servedBy: Array<{ cluster: string; share: number; rps: number }>;
};

/** One source cluster → destination cluster flow of one service. */
export type TrafficFlow = { sourceCluster: string; destinationCluster: string; fqdn: string; rps: number; errorRate: number };

/** Traffic on one topology edge (lib/traffic/edge-traffic.ts `edgeTraffic`): summed over its services. */
export type EdgeTraffic = { rps: number; errorRate: number };

export type TrafficView = {
  status: TrafficStatus;
  servedBy: ServedBy[];
  flows: TrafficFlow[];
  /** RFC 3339: when Prometheus was asked. */
  at: string;
};
