// The live generated-kind objects of every cluster, when this console's registry writes them (standalone): what a
// preview checks planned names against. In observe mode (or with no registry) the console writes nothing there,
// so an object under a planned name is not in its way and nothing is returned.
import { observedFromSnapshot } from "@/lib/registry/observed-from-snapshot";
import type { ObservedCluster } from "@/lib/registry/types";
import type { WorkspaceDeps } from "./deps";

export async function observedIfWriting(deps: Pick<WorkspaceDeps, "snapshot" | "registryStatus">): Promise<ObservedCluster[] | undefined> {
  const status = await deps.registryStatus?.();
  if (status?.mode !== "standalone") return undefined;
  // Views are memoised per cached list (observed-from-snapshot.ts), so unchanged clusters are not converted again.
  return observedFromSnapshot(deps.snapshot());
}
