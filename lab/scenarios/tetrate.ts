// TSB configuration objects as a GitOps user applies them to the management cluster: a Workspace spanning
// `*/<namespace>` and the seed's WorkspaceSetting form (settings.tetrate.io/v1alpha1). Both live in the
// application namespace (the seed puts the WorkspaceSetting in `bookinfo`; TSB's GitOps CRs are namespaced and
// carry their organization/tenant as annotations).
import type { ClusterStore } from "../apiserver/types";
import { kubectlApply } from "./seed-util";

const ORG = { "tsb.tetrate.io/organization": "tetrate", "tsb.tetrate.io/tenant": "tetrate" };

export interface WorkspaceSeed {
  name: string;
  namespace: string;
  /** namespaceSelector.names, `cluster/namespace` patterns such as `*\/bookinfo`. */
  selector: string[];
  gatewayApp?: string;
  exposedServices?: string[];
}

export function seedWorkspace(store: ClusterStore, ws: WorkspaceSeed): void {
  kubectlApply(store, {
    apiVersion: "tsb.tetrate.io/v2",
    kind: "Workspace",
    metadata: { name: ws.name, namespace: ws.namespace, annotations: ORG },
    spec: { namespaceSelector: { names: ws.selector } },
  });
  const gatewaySettings: Record<string, unknown> = { workloadSelector: { app: ws.gatewayApp ?? "eastwest-gateway" } };
  if (ws.exposedServices && ws.exposedServices.length > 0) gatewaySettings.exposedServices = ws.exposedServices;
  kubectlApply(store, {
    apiVersion: "settings.tetrate.io/v1alpha1",
    kind: "WorkspaceSetting",
    metadata: { name: `${ws.name}-setting`, namespace: ws.namespace, annotations: { ...ORG, "tsb.tetrate.io/workspace": ws.name } },
    spec: { workspace: ws.name, defaultEastWestGatewaySettings: gatewaySettings },
  });
}
