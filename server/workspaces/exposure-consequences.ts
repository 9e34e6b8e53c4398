// The registry's consequences of a WorkspaceSetting change: the model's warm plan forked with the workspace's
// setting replaced by the one the cluster would store (the dry-run answer, which keeps exposedServices another
// manager owns — "expose all" may then change nothing, and the preview says so), read from the delta.
import type { WorkspaceSettingInput } from "@/lib/plan/input";
import type { SettingTarget } from "@/lib/manifests/workspace-setting-target";
import type { ExposurePreview } from "@/lib/workspace-view/types";
import { clusterConsequences } from "./consequences";
import { heldByForeign, NOTHING_HELD } from "./foreign-holders";
import { serviceReachability } from "./service-reachability";
import type { RegistryMemos } from "@/lib/registry/registry-memos";
import type { ObservedCluster } from "@/lib/registry/types";
import type { FleetModel, ForkResult } from "@/server/model/types";

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

/** The model's fork of the warm planner (server/model/types.ts): the change planned off the event loop. */
export type Fork = FleetModel["fork"];

export type Consequences = Pick<ExposurePreview, "consequences" | "reachability" | "conditions">;

/** The live objects a preview checks planned names against, and the memos of the model they belong to. */
export type Observed = { clusters: readonly ObservedCluster[]; memos?: RegistryMemos };

/**
 * `observed`: the live objects of the clusters, when this console's registry is the one writing (standalone);
 * planned names held there by objects not proved ours come out as blocked, not added. Undefined: nothing is checked.
 */
export async function exposureConsequences(fork: Fork, workspace: string, proposed: WorkspaceSettingInput, observed?: Observed): Promise<Consequences> {
  const result = await fork((input) => ({ ...input, workspaces: input.workspaces.map((w) => (w.name === workspace ? { ...w, setting: proposed } : w)) }));
  return await consequencesOf(result, workspace, observed);
}

/**
 * The registry's consequences of any change to its input (a setting, a new gateway), from a fork: the current
 * plan and the delta, compared per cluster and per service; `workspace`'s planner conditions after the change.
 */
export async function consequencesOf(result: ForkResult, workspace: string, observed?: Observed): Promise<Consequences> {
  const { before, delta } = result;
  const conditions = delta.conditions.filter((c) => c.workspace === workspace).map((c) => ({ severity: c.severity, message: c.message }));
  // `after` is read (and made) only where a foreign object holds a planned name (fork-result.ts).
  const held = observed ? heldByForeign(observed.clusters, () => result.after, observed.memos) : NOTHING_HELD;
  return { consequences: await clusterConsequences(before, delta, held), reachability: await serviceReachability(before, delta, held), conditions };
}
