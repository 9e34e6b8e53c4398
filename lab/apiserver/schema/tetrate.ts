// Structural schemas of the Tetrate kinds the lab serves, from TSB's public reference: the installer's
// IngressGateway (install.tetrate.io/v1alpha1; kubeSpec is a Kubernetes overlay, kept as written), TSB's
// Workspace (tsb.tetrate.io/v2) and the seed's WorkspaceSetting (settings.tetrate.io/v1alpha1).
import { bool, istioRoot, object, opaque, str, stringMap, strings } from "./istio-common";
import type { StructuralSchema } from "./structural";

export const ingressGatewaySchema: StructuralSchema = istioRoot(object({
  connectionDrainDuration: str("The amount of time the gateway will wait on shutdown."),
  eastWestOnly: bool("Whether the gateway serves only east-west (cross-cluster) traffic."),
  kubeSpec: opaque("Kubernetes settings of the gateway's Deployment, Service and ServiceAccount."),
  network: str("The network the gateway belongs to."),
  revision: str("The Istio revision the gateway runs."),
}));

export const workspaceSchema: StructuralSchema = istioRoot(object({
  configGenerationMetadata: opaque(),
  description: str(),
  displayName: str(),
  etag: str(),
  fqn: str(),
  isolationBoundary: str(),
  namespaceSelector: object({ names: strings("Namespaces, as <cluster>/<namespace> with * wildcards.") }, { required: ["names"] }),
  privileged: { type: "boolean" },
}, { required: ["namespaceSelector"] }));

export const workspaceSettingSchema: StructuralSchema = istioRoot(object({
  // As on the Workspace: TSB's generation metadata, kept as written (free-form).
  configGenerationMetadata: opaque(),
  defaultEastWestGatewaySettings: object({
    exposedServices: strings("FQDNs of the services the workspace exposes; all of them when absent."),
    workloadSelector: stringMap("Labels of the east-west gateway pods that serve the workspace."),
  }),
  workspace: str("The Workspace this setting belongs to."),
}, { required: ["workspace"] }));
