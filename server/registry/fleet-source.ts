// The fleet cache's snapshot source (server/fleet) as the registry's SnapshotSource: the registry reads the
// cache's snapshots as they are published (one object per snapshot, so its per-snapshot plan memo keeps working).
import type { FleetSnapshotSource } from "@/server/fleet/snapshot";
import type { SnapshotSource } from "./controller";

export function fromFleetSource(source: FleetSnapshotSource): SnapshotSource {
  return {
    current: () => source.current(),
    subscribe: (listener) => source.subscribe(() => listener()),
    managementCluster: () => source.current().managementCluster ?? undefined,
  };
}
