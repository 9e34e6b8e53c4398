// Where a gateway stands on its way to serving east-west traffic, read from the workspace detail the page keeps
// live: the IngressGateway must exist, its pods be ready, and its Service publish an address with 15443. Also
// whether anything on the page is still moving, so the page polls only while it is.
import type { Exposure, GatewayState, WorkspaceDetail } from "./types";

export type GatewayStep =
  | { step: "waiting"; text: string }
  | { step: "pods"; text: string }
  | { step: "address"; text: string }
  | { step: "ready"; text: string; addresses: string[] }
  | { step: "problem"; text: string }
  | { step: "stale"; text: string };

export type GatewayRef = { cluster: string; name: string; namespace: string };

export function findGateway(detail: WorkspaceDetail | undefined, ref: GatewayRef): GatewayState | undefined {
  const cluster = detail?.clusters.find((c) => c.name === ref.cluster);
  return cluster?.gateways.find((g) => g.name === ref.name && g.namespace === ref.namespace);
}

export function gatewayStep(detail: WorkspaceDetail | undefined, ref: GatewayRef): GatewayStep {
  const cluster = detail?.clusters.find((c) => c.name === ref.cluster);
  if (cluster?.freshness.state === "stale") return { step: "stale", text: "Cluster is stale: progress unknown until it answers again" };
  const gw = findGateway(detail, ref);
  if (!gw) return { step: "waiting", text: "Waiting for the cluster to report the gateway" };
  if (gw.phase === "ready") return { step: "ready", text: "Ready", addresses: gw.service?.addresses ?? [] };
  if (gw.pods.crashLooping > 0 || (gw.phase === "problem" && gw.pods.ready > 0)) {
    return { step: "problem", text: gw.problems.join("; ") || "The gateway reports a problem" };
  }
  if (gw.pods.total === 0 || gw.pods.ready < gw.pods.total) return { step: "pods", text: `Starting pods: ${gw.pods.ready}/${gw.pods.total} ready` };
  if (!gw.service || gw.service.addresses.length === 0) return { step: "address", text: "Pods ready; waiting for an external address" };
  return { step: "problem", text: gw.problems.join("; ") || "The gateway reports a problem" };
}

/** Gateways starting up or services still propagating: worth polling for. */
export function detailIsProgressing(detail: WorkspaceDetail | undefined): boolean {
  if (!detail) return false;
  const gateways = detail.clusters.some((c) => c.freshness.state !== "stale" && c.gateways.some((g) => g.phase === "progressing"));
  const propagating = (detail.propagation ?? []).some((p) => p.clusters.some((c) => c.state === "pending" || c.state === "partial"));
  const syncing = detail.clusters.some((c) => c.freshness.state === "syncing");
  return gateways || propagating || syncing;
}

/** Whether the live exposure is the one just applied (the detail lags the write by a watch event). */
export function sameExposure(a: Exposure | undefined, b: Exposure): boolean {
  if (!a || a.mode !== b.mode) return false;
  if (a.mode === "all" || b.mode === "all") return true;
  return [...a.services].sort().join("\n") === [...b.services].sort().join("\n");
}
