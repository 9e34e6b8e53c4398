// An exposure change checked against the fleet before anything is sent: the workspace exists, the management
// cluster is known and fresh, and the lib builder accepts the services (FQDNs of the workspace, no duplicates)
// in the WorkspaceSetting form the management cluster serves. Bad input throws ValidationError.
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { TSB_API_VERSION, TSB_WORKSPACE_ANNOTATION, tsbParentOf } from "@/lib/manifests/workspace-setting-tsb";
import { planWorkspaceSetting, type WorkspaceSettingApi, type WorkspaceSettingPlan } from "@/lib/manifests/workspace-setting";
import { knownClusterError } from "@/lib/validation/known-cluster";
import type { ExposureInput } from "@/lib/workspace-view/types";
import { UnavailableError, ValidationError } from "@/server/errors";
import type { WorkspaceDeps } from "./deps";
import { planInputOf, requireWorkspace } from "./fleet-input";
import type { SettingsApi } from "./settings-api";

export type CheckedExposure = WorkspaceSettingPlan & { management: string; api: SettingsApi };

function managementOf(snapshot: FleetSnapshot): string {
  const name = snapshot.managementCluster;
  const cluster = snapshot.clusters.find((c) => c.name === name);
  if (!name || !cluster) throw new ValidationError([{ field: "workspace", message: "the console has no management cluster to hold WorkspaceSettings; set EASTWEST_MANAGEMENT_CLUSTER." }]);
  const error = knownClusterError("workspace", name, [{ name, stale: cluster.state !== "synced", ...(cluster.staleSince ? { staleSince: cluster.staleSince } : {}) }]);
  if (error) throw new ValidationError([{ field: "workspace", message: `the WorkspaceSetting lives on the management cluster, and ${error.message}` }]);
  return name;
}

/**
 * TSB's form names its workspace by annotation, which the fleet cache (seed form) does not read: the existing
 * setting is looked up in the Workspace's namespace, so a workspace never gets a second one.
 */
async function settingApiFor(deps: WorkspaceDeps, snapshot: FleetSnapshot, management: string, workspace: string, api: SettingsApi): Promise<WorkspaceSettingApi> {
  if (api.form === "seed") return { form: "seed" };
  const cluster = snapshot.clusters.find((c) => c.name === management);
  const ws = [...(cluster?.objects.Workspace.values() ?? [])].find((w) => w.metadata.name === workspace);
  const parent = tsbParentOf(ws?.metadata.annotations);
  if (!parent || !ws?.metadata.namespace) throw new ValidationError([{ field: "workspace", message: `workspace ${workspace} has no namespace or no tsb.tetrate.io/organization and tenant annotations, which TSB's WorkspaceSetting needs.` }]);
  const listed = await deps.writerFor(management)?.list({ apiVersion: TSB_API_VERSION, kind: "WorkspaceSetting", namespace: ws.metadata.namespace });
  if (!listed?.ok) throw new UnavailableError(`TSB WorkspaceSettings on ${management} could not be listed${listed ? `: ${listed.message}` : ""}; try again when it is reachable.`);
  const existing = listed.objects.find((o) => o.metadata.annotations !== undefined && (o.metadata.annotations as Record<string, string>)[TSB_WORKSPACE_ANNOTATION] === workspace);
  const named = existing?.metadata.name ? { existing: { name: existing.metadata.name, namespace: ws.metadata.namespace } } : {};
  return { form: "tsb", parent, ...named };
}

export async function checkExposureRequest(deps: WorkspaceDeps, input: ExposureInput): Promise<CheckedExposure> {
  const snapshot = deps.snapshot();
  requireWorkspace(snapshot, input.workspace);
  const management = managementOf(snapshot);
  const request = { workspace: input.workspace, exposure: input.exposure };
  const planInput = planInputOf(snapshot).input;
  // FQDN errors do not depend on the API form: reject bad input before asking the cluster anything.
  const precheck = planWorkspaceSetting(request, planInput, { form: "seed" });
  if (!precheck.ok) throw new ValidationError(precheck.errors);
  const api = await deps.settingsApi();
  const planned = planWorkspaceSetting(request, planInput, await settingApiFor(deps, snapshot, management, input.workspace, api));
  if (!planned.ok) throw new ValidationError(planned.errors);
  return { ...planned.value, management, api };
}
