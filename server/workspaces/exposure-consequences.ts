// The registry's consequences of a WorkspaceSetting change: the model's warm plan forked with the workspace's
// setting replaced by the one the cluster would store (the dry-run answer, which keeps exposedServices another
// manager owns — "expose all" may then change nothing, and the preview says so), compared with the current plan
// in the planner worker (preview-query.ts): only the answer reaches this thread.
import type { WorkspaceSettingInput } from "@/lib/plan/input";
import type { SettingTarget } from "@/lib/manifests/workspace-setting-target";
import type { ExposurePreview } from "@/lib/workspace-view/types";
import { MAX_LISTED_CONSEQUENCES } from "@/lib/workspace-view/consequence-cap";
import type { RegistryMemos } from "@/lib/registry/registry-memos";
import type { ObservedCluster } from "@/lib/registry/types";
import type { FleetModel } from "@/server/model/types";
import { foreignIdsByCluster } from "./foreign-holders";
import type { PreviewAnswer, PreviewQuery } from "./preview-query";
import { runSliced } from "./time-slice";

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Rec) : undefined);

/** The seed-form setting an object (dry-run answer or apply configuration) describes. */
export function settingFrom(object: object, target: SettingTarget): WorkspaceSettingInput {
  const settings = rec(rec((object as { spec?: unknown }).spec)?.defaultEastWestGatewaySettings);
  const selector = rec(settings?.workloadSelector);
  const listed = settings?.exposedServices;
  return {
    namespace: target.namespace,
    name: target.name,
    workloadSelector: selector ? Object.fromEntries(Object.entries(selector).filter((e): e is [string, string] => typeof e[1] === "string")) : { ...target.workloadSelector },
    ...(Array.isArray(listed) ? { exposedServices: listed.filter((s): s is string => typeof s === "string") } : {}),
  };
}

/** The model's preview (server/model/types.ts): a fork of the warm planner whose comparison runs in the worker. */
export type Preview = FleetModel["preview"];

export type Consequences = Pick<ExposurePreview, "consequences" | "reachability" | "conditions">;

/** The live objects a preview checks planned names against, and the memos of the model they belong to. */
export type Observed = { clusters: readonly ObservedCluster[]; memos?: RegistryMemos };

/**
 * `observed`: the live objects of the clusters, when this console's registry is the one writing (standalone);
 * planned names held there by objects not proved ours come out as blocked, not added. Undefined: nothing is checked.
 */
export async function exposureConsequences(preview: Preview, workspace: string, proposed: WorkspaceSettingInput, observed?: Observed): Promise<Consequences> {
  const query = await registryQuery(workspace, observed);
  const { answer } = await preview((input) => ({ ...input, workspaces: input.workspaces.map((w) => (w.name === workspace ? { ...w, setting: proposed } : w)) }), query);
  return registryPart(answer);
}

/**
 * The foreign ids of the model state's observed clusters, found once however many previews ask at once: a team
 * opening ten previews after a change used to walk the fleet's live objects ten times side by side (580,000 at
 * 20 × 500), each walk taking its own slice of every event-loop turn. Kept per observed list, which is the state's.
 */
const walks = new WeakMap<readonly ObservedCluster[], Promise<Record<string, string[]>>>();

function foreignIds(observed: Observed): Promise<Record<string, string[]>> {
  let walk = walks.get(observed.clusters);
  if (!walk) {
    walk = runSliced(foreignIdsByCluster(observed.clusters, observed.memos));
    walks.set(observed.clusters, walk);
    // A failed walk is not kept: the next preview tries again.
    walk.catch(() => walks.delete(observed.clusters));
  }
  return walk;
}

/**
 * What a preview asks the worker for `workspace`: the foreign ids of each cluster (the worker holds the plans, this
 * thread the live objects; found in slices of the event loop and kept per observed list), names capped.
 */
export async function registryQuery(workspace: string, observed: Observed | undefined, listLimit: number | undefined = MAX_LISTED_CONSEQUENCES): Promise<PreviewQuery> {
  const foreign = observed ? await foreignIds(observed) : undefined;
  return { kind: "registry", workspace, foreign, ...(listLimit === undefined ? {} : { listLimit }) };
}

/** The registry answer's parts a preview returns (an answer of another kind is a bug: said, not shown). */
export function registryPart(answer: PreviewAnswer): Consequences {
  if (answer.kind !== "registry") throw new Error(`the planner answered a registry preview with a ${answer.kind} answer`);
  const { consequences, reachability, conditions } = answer;
  return { consequences, reachability, conditions };
}
