// Workspaces and their WorkspaceSettings (the seed's settings.tetrate.io form), from raw objects. A setting
// names its workspace in `spec.workspace`; several settings for one workspace are contradictory input: the
// first by namespace/name wins and a condition says so. Malformed fields become conditions, never throws.
import type { WorkspaceInput, WorkspaceSettingInput } from "@/lib/plan/input";
import { compareStrings } from "@/lib/plan/json";
import { asArray, asRecord, asString, asStringMap } from "./json-read";
import type { SnapshotObject } from "./raw-object";
import type { RegistryCondition } from "./types";

type Found = { cluster: string; object: SnapshotObject };

const ref = (o: SnapshotObject) => `${o.metadata?.namespace ?? ""}/${o.metadata?.name ?? ""}`;
const byRef = (a: Found, b: Found) => compareStrings(`${a.cluster}/${ref(a.object)}`, `${b.cluster}/${ref(b.object)}`);

function strings(value: unknown, field: string, subject: string, conditions: RegistryCondition[]): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const items = asArray(value);
  const good = items.filter((v): v is string => typeof v === "string");
  if (!Array.isArray(value) || good.length !== items.length) {
    conditions.push({ severity: "error", reason: "InvalidSnapshotObject", subject, message: `${subject}: ${field} must be a list of strings; the other entries are ignored.` });
  }
  return good;
}

function toSetting(found: Found, conditions: RegistryCondition[]): WorkspaceSettingInput {
  const { object } = found;
  const subject = `WorkspaceSetting ${ref(object)}`;
  const settings = asRecord(asRecord(object.spec)?.defaultEastWestGatewaySettings);
  const exposed = strings(settings?.exposedServices, "spec.defaultEastWestGatewaySettings.exposedServices", subject, conditions);
  return {
    namespace: object.metadata?.namespace ?? "",
    name: object.metadata?.name ?? "",
    workloadSelector: asStringMap(settings?.workloadSelector),
    ...(exposed === undefined ? {} : { exposedServices: exposed }),
  };
}

function settingsByWorkspace(settings: Found[], conditions: RegistryCondition[]): Map<string, WorkspaceSettingInput> {
  const out = new Map<string, WorkspaceSettingInput>();
  for (const found of [...settings].sort(byRef)) {
    const workspace = asString(asRecord(found.object.spec)?.workspace);
    const subject = `WorkspaceSetting ${ref(found.object)}`;
    if (!workspace) {
      conditions.push({ severity: "error", reason: "SettingWithoutWorkspace", cluster: found.cluster, subject, message: `${subject} has no spec.workspace; it applies to nothing.` });
    } else if (out.has(workspace)) {
      const first = out.get(workspace);
      const message = `workspace ${workspace} has several WorkspaceSettings; ${first?.namespace}/${first?.name} is used and ${ref(found.object)} is ignored. Keep one.`;
      conditions.push({ severity: "warning", reason: "SeveralWorkspaceSettings", workspace, subject, message });
    } else out.set(workspace, toSetting(found, conditions));
  }
  return out;
}

export function toWorkspaces(workspaces: Found[], settings: Found[]): { workspaces: WorkspaceInput[]; conditions: RegistryCondition[] } {
  const conditions: RegistryCondition[] = [];
  const bySetting = settingsByWorkspace(settings, conditions);
  const out = new Map<string, WorkspaceInput>();
  for (const found of [...workspaces].sort(byRef)) {
    const name = found.object.metadata?.name;
    if (!name) continue;
    const subject = `Workspace ${ref(found.object)}`;
    if (out.has(name)) {
      conditions.push({ severity: "warning", reason: "DuplicateWorkspace", workspace: name, cluster: found.cluster, subject, message: `workspace ${name} is defined more than once; the first (by cluster and namespace) is used.` });
      continue;
    }
    const selector = asRecord(asRecord(found.object.spec)?.namespaceSelector);
    const names = strings(selector?.names, "spec.namespaceSelector.names", subject, conditions) ?? [];
    const setting = bySetting.get(name);
    const namespace = found.object.metadata?.namespace;
    out.set(name, { name, ...(namespace ? { namespace } : {}), namespaceSelector: names, ...(setting ? { setting } : {}) });
  }
  return { workspaces: [...out.values()], conditions };
}
