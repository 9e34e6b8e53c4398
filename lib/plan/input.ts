// The planner's own input: a plain, already-parsed view of the fleet. It is deliberately decoupled from the
// fleet cache's shapes; an adapter in server/ maps a fleet snapshot (Services, IngressGateways and their
// Services, DestinationRules, Namespaces, Workspaces, WorkspaceSettings) into it. zod is the source of truth.
import { z } from "zod";

const labelsSchema = z.record(z.string(), z.string());

export const servicePortSchema = z.object({
  /** Service port name; Istio maps WorkloadEntry/ServiceEntry endpoint ports by this name. */
  name: z.string(),
  port: z.number().int().min(1).max(65535),
  /** The Kubernetes L4 protocol (TCP, UDP, SCTP); the mesh carries TCP only. */
  protocol: z.string(),
  /** `spec.ports[].appProtocol`, which Istio prefers over the port name prefix for protocol selection. */
  appProtocol: z.string().optional(),
  targetPort: z.union([z.number().int(), z.string()]).optional(),
});

export const serviceSchema = z.object({
  namespace: z.string().min(1),
  name: z.string().min(1),
  ports: z.array(servicePortSchema),
  /** `spec.selector`: the pod labels the Service selects; shadow WorkloadEntries carry them. */
  selector: labelsSchema,
  labels: labelsSchema,
});

/** One `status.loadBalancer.ingress[]` entry (or an annotation value): an IP, a DNS name, or both. */
export const gatewayAddressSchema = z.object({ ip: z.string().optional(), hostname: z.string().optional() });

export const gatewaySchema = z.object({
  /** The IngressGateway CR's namespace/name (its installer names the Deployment and Service the same). */
  namespace: z.string().min(1),
  name: z.string().min(1),
  /** Labels of the gateway's pods (the installer sets `app=<name>`); a workloadSelector matches these. */
  podLabels: labelsSchema,
  eastWestOnly: z.boolean(),
  /** The gateway Service's `spec.type` ("" when the Service does not exist yet). */
  serviceType: z.string(),
  /** The gateway Service's ports; without 15443 it is not an east-west gateway. */
  ports: z.array(servicePortSchema),
  /** The gateway Service's `status.loadBalancer.ingress`. */
  addresses: z.array(gatewayAddressSchema),
  /** The Service's `xcp.tetrate.io/cluster-external-addresses` annotation, verbatim, when present. */
  externalAddressesAnnotation: z.string().optional(),
});

export const destinationRuleSchema = z.object({
  namespace: z.string().min(1),
  name: z.string().min(1),
  /** `spec.host` as written (Istio expands short names relative to the rule's namespace). */
  host: z.string(),
  /** Carries `app.kubernetes.io/managed-by: eastwest-console`: ours, so it never counts as the user's own. */
  managedByUs: z.boolean(),
  /** Whether `spec.trafficPolicy.outlierDetection` is set; locality failover needs it. */
  hasOutlierDetection: z.boolean(),
  /** Its `maxEjectionPercent` when written (Istio's default is 10): how many hosts outlier detection may eject. */
  maxEjectionPercent: z.number().optional(),
});

export const clusterSchema = z.object({
  /** The cluster's name (its kubeconfig context). */
  name: z.string().min(1),
  /** Istio network of the cluster (`topology.istio.io/network`). */
  network: z.string(),
  /** `region/zone/subzone` of the cluster's east-west gateway, when known. */
  locality: z.string().optional(),
  /**
   * True when the cluster is unreachable or not yet synced: every other field is then its last known state.
   * The planner still plans from it and for it; the plan marks the cluster as held (see plan.ts).
   */
  stale: z.boolean(),
  services: z.array(serviceSchema),
  gateways: z.array(gatewaySchema),
  destinationRules: z.array(destinationRuleSchema),
  /** Names of the namespaces that exist in the cluster (Active or not). */
  namespaces: z.array(z.string()),
});

export const workspaceSettingSchema = z.object({
  namespace: z.string().min(1),
  name: z.string().min(1),
  /** `spec.defaultEastWestGatewaySettings.workloadSelector`: which gateway pods serve the workspace. */
  workloadSelector: labelsSchema,
  /** FQDNs to expose; absent or empty exposes every service of the workspace (domain.md §3.1). */
  exposedServices: z.array(z.string()).optional(),
});

export const workspaceSchema = z.object({
  name: z.string().min(1),
  /** Where the Workspace object lives (TSB GitOps CRs are namespaced); informational. */
  namespace: z.string().optional(),
  /** `spec.namespaceSelector.names`: `cluster/namespace` patterns such as `*\/bookinfo`. */
  namespaceSelector: z.array(z.string()),
  /** The WorkspaceSetting whose `spec.workspace` names this workspace, if any. */
  setting: workspaceSettingSchema.optional(),
});

export const planInputSchema = z.object({
  clusters: z.array(clusterSchema),
  workspaces: z.array(workspaceSchema),
  /** DNS answers for gateway hostnames, looked up by the caller (lib/ does no I/O): hostname → IPs. */
  resolvedHostnames: z.record(z.string(), z.array(z.string())).optional(),
  /**
   * Publish loopback gateway addresses (127.0.0.0/8, ::1, localhost). Only the embedded lab, whose clusters
   * share one host, sets this (EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES); absent means rejected.
   */
  allowLoopbackGatewayAddresses: z.boolean().optional(),
});

export type ServicePort = z.infer<typeof servicePortSchema>;
export type ServiceInput = z.infer<typeof serviceSchema>;
export type GatewayAddress = z.infer<typeof gatewayAddressSchema>;
export type GatewayInput = z.infer<typeof gatewaySchema>;
export type DestinationRuleInput = z.infer<typeof destinationRuleSchema>;
export type ClusterInput = z.infer<typeof clusterSchema>;
export type WorkspaceSettingInput = z.infer<typeof workspaceSettingSchema>;
export type WorkspaceInput = z.infer<typeof workspaceSchema>;
export type PlanInput = z.infer<typeof planInputSchema>;

/**
 * Validates untrusted input (e.g. from an adapter under test or a preview request): a result, never a throw,
 * with one readable line per problem (`clusters.0.services.2.ports.0.port: …`).
 */
export function parsePlanInput(raw: unknown): { ok: true; input: PlanInput } | { ok: false; problems: string[] } {
  const parsed = planInputSchema.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join(".") || "(input)"}: ${i.message}`) };
}
