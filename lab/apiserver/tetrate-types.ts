// Tetrate kinds (IngressGateway installer CR, TSB Workspace, WorkspaceSetting) and the product's own
// eastwest.io FailoverDrill: namespaced custom resources with a status subresource.
import { defineType } from "./define-type";
import type { ResourceType } from "./types";

function custom(group: string, version: string, kind: string, plural: string, extra: Partial<ResourceType> = {}): ResourceType {
  return defineType({ group, version, kind, plural, custom: true, subresources: { status: true }, ...extra });
}

export function tetrateTypes(): ResourceType[] {
  return [
    custom("install.tetrate.io", "v1alpha1", "IngressGateway", "ingressgateways"),
    custom("tsb.tetrate.io", "v2", "Workspace", "workspaces", { shortNames: ["ws"] }),
    custom("settings.tetrate.io", "v1alpha1", "WorkspaceSetting", "workspacesettings", { shortNames: ["wss"] }),
    custom("eastwest.io", "v1alpha1", "FailoverDrill", "failoverdrills", {
      shortNames: ["drill"],
      printerColumns: [
        { name: "Service", type: "string", jsonPath: ".spec.service" },
        { name: "Phase", type: "string", jsonPath: ".status.phase" },
        { name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp" },
      ],
    }),
  ];
}
