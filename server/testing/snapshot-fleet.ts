// Router tests: a FleetService that serves one fixed snapshot (ready, no clusters in its view, nothing to recheck),
// so a procedure reads the fleet model built from it and nothing else.
import { vi } from "vitest";
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { createFleetFeed } from "@/server/fleet/feed";
import type { FleetService } from "@/server/fleet/service";

export function snapshotFleet(snapshot: FleetSnapshot): FleetService {
  return {
    feed: createFleetFeed({ epoch: "t" }),
    ready: async () => undefined,
    view: () => ({ kind: "ready", sources: [], managementCluster: "west", clusters: [] }),
    snapshots: { current: () => snapshot, subscribe: () => () => undefined },
    recheck: async () => {
      throw new Error("not used");
    },
    handle: vi.fn(() => undefined),
  };
}
