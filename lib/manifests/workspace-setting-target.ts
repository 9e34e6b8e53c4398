// Which WorkspaceSetting a change applies to, shared by both API forms. A workspace has at most one setting
// (TSB: "there can be only one workspace setting object defined for each workspace"): the existing one is
// changed in place; otherwise one is created next to the Workspace as `<workspace>-setting` (the lab's and
// the seed's spelling). The managed-by label goes only on a setting the console creates: an existing one is
// the user's object, and labelling it would let the console's cleanup believe it may delete it. Server-side
// apply still records the console as owner of exactly the fields it sets.
import type { WorkspaceInput } from "@/lib/plan/input";
import { DEFAULT_GATEWAY_NAME } from "./ingress-gateway";
import { MANAGED_BY } from "./manifest";

export type SettingTarget = {
  workspace: string;
  name: string;
  namespace: string;
  /** True when no WorkspaceSetting exists yet: the console creates (and labels) it. */
  created: boolean;
  /** The gateway pods serving the workspace: the existing setting's selector, else the seed's `app: eastwest-gateway`. */
  workloadSelector: Record<string, string>;
};

/** `named`: an existing setting the caller found itself (TSB's form, which the seed-form reader cannot see). */
export function settingTarget(ws: WorkspaceInput, named?: { name: string; namespace: string }): SettingTarget | undefined {
  const existing = ws.setting;
  const selector = existing && Object.keys(existing.workloadSelector).length > 0 ? existing.workloadSelector : { app: DEFAULT_GATEWAY_NAME };
  if (named) return { workspace: ws.name, ...named, created: false, workloadSelector: { ...selector } };
  if (existing) return { workspace: ws.name, name: existing.name, namespace: existing.namespace, created: false, workloadSelector: { ...selector } };
  if (!ws.namespace) return undefined;
  return { workspace: ws.name, name: `${ws.name}-setting`, namespace: ws.namespace, created: true, workloadSelector: selector };
}

export function targetLabels(target: SettingTarget): { labels?: Record<string, string> } {
  return target.created ? { labels: { ...MANAGED_BY } } : {};
}
