// Tetrate kinds (IngressGateway installer CR, TSB Workspace, WorkspaceSetting): namespaced custom resources with a
// status subresource. The product's own FailoverDrill (eastwest.dev) is not fixed: applying its CRD registers it.
import { defineType } from "./define-type";
import { schemaFields } from "./istio-types";
import { ingressGatewaySchema, workspaceSchema, workspaceSettingSchema } from "./schema/tetrate";
import type { ResourceType } from "./types";

function custom(group: string, version: string, kind: string, plural: string, extra: Partial<ResourceType> = {}): ResourceType {
  return defineType({ group, version, kind, plural, custom: true, subresources: { status: true }, ...extra });
}

export function tetrateTypes(): ResourceType[] {
  return [
    custom("install.tetrate.io", "v1alpha1", "IngressGateway", "ingressgateways", schemaFields(ingressGatewaySchema)),
    custom("tsb.tetrate.io", "v2", "Workspace", "workspaces", { shortNames: ["ws"], ...schemaFields(workspaceSchema) }),
    custom("settings.tetrate.io", "v1alpha1", "WorkspaceSetting", "workspacesettings", { shortNames: ["wss"], ...schemaFields(workspaceSettingSchema) }),
  ];
}
