// The fleet model's snapshots as a snapshot source, for the workspace pages' change signal (server/fleet/
// slice-tracker.ts): a page hears that its slice changed only once the model has digested that snapshot, so the
// detail it then asks for is read from a state that already holds the change. One source per model (the tracker
// is kept per source); a state that only brings a newer plan of the same snapshot is not a new snapshot.
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { FleetSnapshotSource } from "@/server/fleet/snapshot";
import type { FleetModel, ModelState } from "@/server/model/types";

const sources = new WeakMap<FleetModel, FleetSnapshotSource>();

/** `first`: a state of the model (stateOf), so `current()` always has a snapshot to give. */
export function modelSnapshots(model: FleetModel, first: ModelState): FleetSnapshotSource {
  let source = sources.get(model);
  if (source) return source;
  let last: FleetSnapshot = first.snapshot;
  const latest = () => (last = model.current()?.snapshot ?? last);
  source = {
    current: latest,
    subscribe(listener) {
      let heard = latest();
      return model.subscribe((state) => {
        if (state.snapshot === heard) return;
        heard = last = state.snapshot;
        listener(state.snapshot);
      });
    },
  };
  sources.set(model, source);
  return source;
}
