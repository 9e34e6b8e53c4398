// An exposure change checked against the fleet before anything is sent: the workspace exists, the management
// cluster is known and fresh, and the lib builder accepts the services (FQDNs of the workspace, no duplicates)
// in the WorkspaceSetting form the management cluster serves. Bad input throws a tagged Invalid (400), an unknown
// workspace NotFound (404), and an existing setting nested too deep to diff or render Unprocessable (422).
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { TSB_API_VERSION, TSB_WORKSPACE_ANNOTATION, tsbParentOf } from "@/lib/manifests/workspace-setting-tsb";
import { buildWorkspaceSetting, prepareWorkspaceSetting, type PreparedSetting, type WorkspaceSettingApi, type WorkspaceSettingPlan } from "@/lib/manifests/workspace-setting";
import { exposedServiceChecker } from "@/lib/validation/exposed-service";
import type { FieldError } from "@/lib/validation/field-error";
import { workspaceServices, type ExposedService } from "@/lib/plan/exposure";
import type { ClusterInput } from "@/lib/plan/input";
import type { WorkspaceContext } from "@/lib/validation/workspace-lookup";
import { tooDeepProblem } from "@/lib/validation/json-depth";
import { knownClusterError } from "@/lib/validation/known-cluster";
import type { ExposureInput } from "@/lib/workspace-view/types";
import { invalidInput, unavailable, unprocessable } from "@/server/errors";
import type { WorkspaceDeps } from "./deps";
import { requireWorkspace, type FleetView } from "./fleet-input";
import type { SettingsApi } from "./settings-api";

export type CheckedExposure = WorkspaceSettingPlan & { management: string; api: SettingsApi };

function managementOf(snapshot: FleetSnapshot): string {
  const name = snapshot.managementCluster;
  const cluster = snapshot.clusters.find((c) => c.name === name);
  if (!name || !cluster) throw invalidInput([{ field: "workspace", message: "the console has no management cluster to hold WorkspaceSettings; set EASTWEST_MANAGEMENT_CLUSTER." }]);
  const error = knownClusterError("workspace", name, [{ name, stale: cluster.state !== "synced", ...(cluster.staleSince ? { staleSince: cluster.staleSince } : {}) }]);
  if (error) throw invalidInput([{ field: "workspace", message: `the WorkspaceSetting lives on the management cluster, and ${error.message}` }]);
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
  if (!parent || !ws?.metadata.namespace) throw invalidInput([{ field: "workspace", message: `workspace ${workspace} has no namespace or no tsb.tetrate.io/organization and tenant annotations, which TSB's WorkspaceSetting needs.` }]);
  const listed = await deps.writerFor(management)?.list({ apiVersion: TSB_API_VERSION, kind: "WorkspaceSetting", namespace: ws.metadata.namespace });
  if (!listed?.ok) throw unavailable(`TSB WorkspaceSettings on ${management} could not be listed${listed ? `: ${listed.message}` : ""}; try again when it is reachable.`);
  const existing = listed.objects.find((o) => o.metadata.annotations !== undefined && (o.metadata.annotations as Record<string, string>)[TSB_WORKSPACE_ANNOTATION] === workspace);
  refuseDeep(existing);
  const named = existing?.metadata.name ? { existing: { name: existing.metadata.name, namespace: ws.metadata.namespace } } : {};
  return { form: "tsb", parent, ...named };
}

/** The setting the change would edit is diffed, rendered and merged recursively: refuse one nested too deep. */
function refuseDeep(setting: unknown): void {
  const problem = tooDeepProblem("WorkspaceSetting", setting);
  if (problem) throw unprocessable("workspace", problem);
}

/** The seed-form setting of the workspace, as the fleet cache holds it on the management cluster. */
function cachedSetting(snapshot: FleetSnapshot, management: string, workspace: string): unknown {
  const cluster = snapshot.clusters.find((c) => c.name === management);
  return [...(cluster?.objects.WorkspaceSetting.values() ?? [])].find((s) => (s.spec as { workspace?: unknown } | undefined)?.workspace === workspace);
}

/**
 * The workspace's services per planner input (immutable, the model keeps it while unchanged) and workspace:
 * gathering 10,000 of them is the largest single step of a check, so consecutive requests share it.
 */
const servicesByInput = new WeakMap<readonly ClusterInput[], Map<string, ReadonlyMap<string, ExposedService>>>();

function servicesOf(ctx: WorkspaceContext): ReadonlyMap<string, ExposedService> {
  const byWorkspace = servicesByInput.get(ctx.clusters) ?? new Map<string, ReadonlyMap<string, ExposedService>>();
  servicesByInput.set(ctx.clusters, byWorkspace);
  const found = byWorkspace.get(ctx.workspace.name) ?? workspaceServices(ctx.scope, ctx.clusters);
  byWorkspace.set(ctx.workspace.name, found);
  return found;
}

/** Entries checked between two turns of the event loop: a 10,000-FQDN request never holds it for long. */
const SLICE = 500;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The services' field errors (FQDNs of the workspace, no duplicates), checked slice by slice. */
async function serviceErrors(prepared: PreparedSetting): Promise<FieldError[]> {
  const services = prepared.services ?? [];
  if (services.length === 0) return [];
  await turn();
  const check = exposedServiceChecker("exposure.services", prepared.ctx, servicesOf(prepared.ctx));
  const errors: FieldError[] = [];
  for (let start = 0; start < services.length; start += SLICE) {
    await turn();
    errors.push(...check(services.slice(start, start + SLICE), start));
  }
  return errors;
}

/** `view`: the model's state the request reads (fleet-input.ts stateOf). */
export async function checkExposureRequest(deps: WorkspaceDeps, view: FleetView, input: ExposureInput): Promise<CheckedExposure> {
  const { snapshot } = view;
  requireWorkspace(view, input.workspace);
  const management = managementOf(snapshot);
  refuseDeep(cachedSetting(snapshot, management, input.workspace));
  const request = { workspace: input.workspace, exposure: input.exposure };
  const planInput = view.adapted.input;
  // FQDN errors do not depend on the API form: reject bad input before asking the cluster anything.
  const seed = prepareWorkspaceSetting(request, planInput, { form: "seed" });
  if (!seed.ok) throw invalidInput(seed.errors);
  const errors = await serviceErrors(seed.value);
  if (errors.length > 0) throw invalidInput(errors);
  const api = await deps.settingsApi();
  const settingApi: WorkspaceSettingApi = api.form === "seed" ? { form: "seed" } : await settingApiFor(deps, snapshot, management, input.workspace, api);
  const prepared = api.form === "seed" ? seed : prepareWorkspaceSetting(request, planInput, settingApi);
  const planned = prepared.ok ? buildWorkspaceSetting(prepared.value, settingApi) : prepared;
  if (!planned.ok) throw invalidInput(planned.errors);
  return { ...planned.value, management, api };
}
