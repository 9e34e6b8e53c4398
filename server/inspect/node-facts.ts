// The short facts a panel header lists for a cluster or a gateway, from the snapshot and the planner input.
import type { ClusterSnapshot } from "@/lib/fleet/snapshot-types";
import type { ClusterInput, GatewayInput } from "@/lib/plan/input";
import type { GatewayPods } from "@/lib/readiness/gateway-pods";
import type { NodeFact } from "./types";

const SYNC_WORDS: Readonly<Record<ClusterSnapshot["state"], string>> = { synced: "Synced", syncing: "Syncing", stale: "Stale" };

export function clusterFacts(c: ClusterSnapshot, input: ClusterInput | undefined): NodeFact[] {
  const facts: NodeFact[] = [{ label: "Sync", value: SYNC_WORDS[c.state] }];
  if (c.staleSince) facts.push({ label: "Stale since", value: c.staleSince });
  if (c.state !== "synced" && c.lastError) facts.push({ label: "Last error", value: c.lastError.message });
  if (c.version) facts.push({ label: "Kubernetes", value: c.version });
  if (c.management) facts.push({ label: "Role", value: "Management cluster (Workspaces and WorkspaceSettings)" });
  if (input?.network) facts.push({ label: "Network", value: input.network });
  if (input?.locality) facts.push({ label: "Locality", value: input.locality });
  facts.push({ label: "East-west gateways", value: String(input?.gateways.length ?? 0) });
  return facts;
}

/** The addresses a gateway publishes: its LoadBalancer ingress (IP or hostname) or the external-addresses annotation. */
export function gatewayAddresses(g: GatewayInput | undefined): string[] {
  if (!g) return [];
  const fromStatus = g.addresses.flatMap((a) => a.ip ?? a.hostname ?? []);
  if (fromStatus.length > 0) return fromStatus;
  return (g.externalAddressesAnnotation ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");
}

export function gatewayFacts(g: GatewayInput | undefined, pods: GatewayPods | undefined): NodeFact[] {
  const addresses = gatewayAddresses(g);
  const facts: NodeFact[] = [
    { label: "Addresses", value: addresses.length > 0 ? addresses.join(", ") : "none published yet" },
    { label: "Ready pods", value: pods ? `${pods.ready} of ${pods.total}${pods.crashLooping > 0 ? ` (${pods.crashLooping} crash-looping)` : ""}` : "unknown" },
  ];
  if (g) facts.push({ label: "Service type", value: g.serviceType || "no Service yet" }, { label: "Port 15443", value: g.ports.some((p) => p.port === 15443) ? "exposed" : "missing" });
  return facts;
}
