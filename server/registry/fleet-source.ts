// The fleet cache's snapshot source (server/fleet) as the fleet model's source (ModelSource, alias SnapshotSource):
// the model reads the cache's snapshots as they are published (one object per snapshot, so its memos keyed on
// identity keep working).
import type { FleetSnapshotSource } from "@/server/fleet/snapshot";
import type { SnapshotSource } from "./controller";

export function fromFleetSource(source: FleetSnapshotSource): SnapshotSource {
  return {
    current: () => source.current(),
    subscribe: (listener) => source.subscribe(() => listener()),
    managementCluster: () => source.current().managementCluster ?? undefined,
  };
}
