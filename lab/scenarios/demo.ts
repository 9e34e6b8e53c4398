// `demo` (default): west (the management cluster) and east run all of bookinfo; north runs only productpage, so it
// depends on the others for details/reviews/ratings. A `sleep` client runs in north (and, for the demo's traffic,
// in every cluster). Every cluster has the
// xcp-multicluster namespace; no east-west gateways yet (deploying them is the seed's first step). In `demo` the
// bookinfo namespaces have opted in to failover drills.
import type { ClusterStore } from "../apiserver/types";
import { seedBookinfo, seedSleep } from "./bookinfo";
import { kubectlApply, namespaceManifest } from "./seed-util";
import { seedWorkspace } from "./tetrate";

export const DEMO_CLUSTERS = ["west", "east", "north"];

export function seedDemo(stores: ClusterStore[], options: DemoAppOptions = {}): void {
  seedDemoApps(stores, options);
  const management = stores[0];
  if (management) seedWorkspace(management, { name: "bookinfo-ws", namespace: "bookinfo", selector: ["*/bookinfo"] });
}

export interface DemoAppOptions {
  /** A `sleep` client in every cluster, as Tetrate's demos have (the demo's traffic comes from it); north only when false. */
  sleepEverywhere?: boolean;
  /**
   * The bookinfo namespaces opt in to failover drills (annotation `eastwest.dev/drills: enabled`), so a new user
   * can run one out of the box; `sleep` and `xcp-multicluster` never do.
   */
  drillsOptIn?: boolean;
}

/** The namespace annotation that opts a namespace in to drills (the product's contract, lib/drills/schema.ts; copied). */
export const DRILLS_OPT_IN = { "eastwest.dev/drills": "enabled" } as const;

/** The demo's namespaces and applications, without the workspace (scenarios built on demo seed their own). */
export function seedDemoApps(stores: ClusterStore[], options: DemoAppOptions = {}): void {
  const annotations = options.drillsOptIn ? { ...DRILLS_OPT_IN } : {};
  for (const store of stores) {
    kubectlApply(store, namespaceManifest("xcp-multicluster"));
    if (store.cluster === "north") {
      seedBookinfo(store, "bookinfo", ["productpage"], annotations);
      seedSleep(store);
    } else {
      seedBookinfo(store, "bookinfo", undefined, annotations);
      if (options.sleepEverywhere) seedSleep(store);
    }
  }
}
