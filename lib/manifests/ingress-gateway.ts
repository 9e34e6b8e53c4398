// The east-west gateway a platform owner deploys (seed step 1 and 3): an `install.tetrate.io/v1alpha1`
// IngressGateway with `eastWestOnly: true`. Tetrate's installer turns it into a Deployment and a LoadBalancer
// Service named after it, pods labelled `app=<name>` — which is what a WorkspaceSetting's workloadSelector
// (`app: eastwest-gateway`) matches, so the default name is the seed's. The same object goes to every chosen
// cluster; each is applied there with server-side apply.
import { z } from "zod";
import type { ClusterInput } from "@/lib/plan/input";
import { dnsLabelSchema } from "@/lib/validation/dns-name";
import { invalid, parseWith, valid, type FieldError, type Validated } from "@/lib/validation/field-error";
import { clusterListErrors } from "@/lib/validation/known-cluster";
import { shellQuote } from "./kubectl-command";
import { MAX_CLUSTERS, MAX_NAME_LENGTH } from "@/lib/validation/limits";
import { MANAGED_BY, type Manifest } from "./manifest";

export const INGRESS_GATEWAY_API_VERSION = "install.tetrate.io/v1alpha1";
export const DEFAULT_GATEWAY_NAME = "eastwest-gateway";

export const ingressGatewayRequestSchema = z.object({
  name: dnsLabelSchema("gateway name").default(DEFAULT_GATEWAY_NAME),
  /** Defaults to the workspace's namespace (see `defaultNamespace`). */
  namespace: dnsLabelSchema("namespace").optional(),
  clusters: z
    .array(
      z.string({ error: "each cluster must be a cluster name" }).min(1, { error: "a cluster name is empty" }).max(MAX_NAME_LENGTH, { error: `a cluster name is longer than ${MAX_NAME_LENGTH} characters` }),
      { error: "clusters must be a list of cluster names" },
    )
    .min(1, { error: "choose at least one cluster to deploy the gateway to" })
    .max(MAX_CLUSTERS, { error: `at most ${MAX_CLUSTERS} clusters per request` }),
});
export type IngressGatewayRequest = z.input<typeof ingressGatewayRequestSchema>;

/** `warnings`: the request is valid but will not do what the user likely wants (shown, not blocking). */
export type IngressGatewayPlan = { manifest: Manifest; clusters: string[]; warnings: FieldError[] };

type WorkspaceHint = { name?: string; namespace?: string; setting?: { workloadSelector: Record<string, string> } };

export function ingressGatewayManifest(name: string, namespace: string): Manifest {
  return {
    apiVersion: INGRESS_GATEWAY_API_VERSION,
    kind: "IngressGateway",
    metadata: { name, namespace, labels: { ...MANAGED_BY } },
    spec: { eastWestOnly: true },
  };
}

/** Where the Workspace object lives (the seed and the lab keep it in the application namespace). */
export function defaultNamespace(workspace: { namespace?: string } | undefined): string | undefined {
  return workspace?.namespace;
}

/**
 * The installer labels the pods `app=<name>` only, so a gateway serves the workspace only if the setting's
 * workloadSelector asks for exactly that (planner rule: every selector label must match).
 */
function selectorWarnings(name: string, workspace: WorkspaceHint | undefined): FieldError[] {
  const selector = workspace?.setting?.workloadSelector;
  if (!selector || Object.keys(selector).length === 0) return [];
  const matches = Object.entries(selector).every(([k, v]) => k === "app" && v === name);
  if (matches) return [];
  const wanted = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(",");
  const ws = workspace.name ? `workspace ${workspace.name}` : "the workspace";
  return [{ field: "name", message: `the gateway's pods will be labelled app=${name}, but ${ws} selects gateways labelled ${wanted}; it will not serve the workspace unless you rename it or change the WorkspaceSetting's workloadSelector.` }];
}

function namespaceErrors(namespace: string, names: readonly string[], clusters: readonly ClusterInput[]): FieldError[] {
  const missing = names.filter((n) => clusters.find((c) => c.name === n)?.namespaces.includes(namespace) === false);
  if (missing.length === 0) return [];
  const command = missing.map((c) => `kubectl --context ${shellQuote(c)} create namespace ${namespace}`).join("; ");
  return [{ field: "namespace", message: `namespace ${namespace} does not exist in ${missing.join(", ")}; create it first (${command}).` }];
}

/**
 * Validates a deploy request against the fleet: shape (names are DNS labels, at least one cluster), then each
 * cluster known and fresh, and the namespace existing there (an apply into a missing namespace is a 404).
 */
export function planIngressGateway(
  raw: unknown,
  fleet: { clusters: readonly ClusterInput[]; workspace?: WorkspaceHint },
): Validated<IngressGatewayPlan> {
  const parsed = parseWith(ingressGatewayRequestSchema, raw);
  if (!parsed.ok) return parsed;
  const { name, clusters } = parsed.value;
  const namespace = parsed.value.namespace ?? defaultNamespace(fleet.workspace);
  if (namespace === undefined) {
    return invalid([{ field: "namespace", message: "namespace is required: the workspace does not say where its gateway belongs; choose the namespace of the services to share." }]);
  }
  const errors = [...clusterListErrors("clusters", clusters, fleet.clusters), ...namespaceErrors(namespace, clusters, fleet.clusters)];
  return errors.length > 0 ? invalid(errors) : valid({ manifest: ingressGatewayManifest(name, namespace), clusters, warnings: selectorWarnings(name, fleet.workspace) });
}
