// The live generated-kind objects of every cluster, when this console's registry writes them (standalone): what a
// preview checks planned names against. In observe mode (or with no registry) the console writes nothing there,
// so an object under a planned name is not in its way and nothing is returned.
import type { ModelState } from "@/server/model/types";
import type { WorkspaceDeps } from "./deps";
import type { Observed } from "./exposure-consequences";
import { registryMemosOf } from "./view-memo";

/**
 * The model's observed views (one per cached list, kept while unchanged): nothing is converted on a request. The
 * model's workspace memos come along, so ownership proofs and indexes are kept across previews.
 */
export async function observedIfWriting(deps: Pick<WorkspaceDeps, "registryStatus" | "model">, state: Pick<ModelState, "registry">): Promise<Observed | undefined> {
  const status = await deps.registryStatus?.();
  if (status?.mode !== "standalone") return undefined;
  return { clusters: state.registry.observed, memos: registryMemosOf(deps.model) };
}
