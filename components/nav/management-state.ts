import type { FleetView } from "@/lib/fleet-schema";

/**
 * What the console knows of the management cluster, where Workspaces live, and so what an empty workspace list
 * means: "none" only when that cluster is synced. Unsynced or unreachable, the list is unknown or last-known.
 */
export type ManagementState =
  | { kind: "loading" }
  | { kind: "config-error" }
  | { kind: "no-clusters" }
  | { kind: "none" }
  | { kind: "never-synced"; cluster: string; watchingSince: string | null }
  | { kind: "stale"; cluster: string; staleSince: string | null; reason: string | null }
  | { kind: "synced"; cluster: string };

export function managementState(view: FleetView | undefined): ManagementState {
  if (!view) return { kind: "loading" };
  if (view.kind === "config-error") return { kind: "config-error" };
  if (view.clusters.length === 0) return { kind: "no-clusters" };
  const status = view.clusters.find((c) => c.cluster === view.managementCluster) ?? view.clusters.find((c) => c.management);
  if (!status) return { kind: "none" };
  const { sync } = status;
  if (!sync.everSynced) return { kind: "never-synced", cluster: status.cluster, watchingSince: sync.watchingSince };
  if (sync.state === "stale" || !status.ok) {
    const reason = (status.ok ? sync.error : status.error)?.message ?? null;
    return { kind: "stale", cluster: status.cluster, staleSince: sync.staleSince, reason };
  }
  return { kind: "synced", cluster: status.cluster };
}
