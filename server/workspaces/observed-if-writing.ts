// The live generated-kind objects of every cluster, when this console's registry writes them (standalone): what a
// preview checks planned names against. In observe mode (or with no registry) the console writes nothing there,
// so an object under a planned name is not in its way and nothing is returned.
import type { ObservedCluster } from "@/lib/registry/types";
import type { ModelState } from "@/server/model/types";
import type { WorkspaceDeps } from "./deps";

/** The model's observed views (one per cached list, kept while unchanged): nothing is converted on a request. */
export async function observedIfWriting(deps: Pick<WorkspaceDeps, "registryStatus">, state: Pick<ModelState, "registry">): Promise<ObservedCluster[] | undefined> {
  const status = await deps.registryStatus?.();
  if (status?.mode !== "standalone") return undefined;
  return state.registry.observed;
}
