// The fleet cache's snapshot source (server/fleet) as the registry's SnapshotSource. The conversion is
// memoised per published snapshot, so the controller's per-snapshot plan memo keeps working.
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { fromFleetSnapshot } from "@/lib/registry/fleet-snapshot-view";
import type { FleetSnapshotLike } from "@/lib/registry/snapshot-like";
import type { FleetSnapshotSource } from "@/server/fleet/snapshot";
import type { SnapshotSource } from "./controller";

export function fromFleetSource(source: FleetSnapshotSource): SnapshotSource {
  let memo: { from: FleetSnapshot; view: FleetSnapshotLike } | undefined;
  return {
    current() {
      const snapshot = source.current();
      if (memo?.from !== snapshot) memo = { from: snapshot, view: fromFleetSnapshot(snapshot) };
      return memo.view;
    },
    subscribe: (listener) => source.subscribe(() => listener()),
    managementCluster: () => source.current().managementCluster ?? undefined,
  };
}
