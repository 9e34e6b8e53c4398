// A gateway deploy request checked against the fleet before anything is sent: the lib builder's rules (names
// are DNS labels, clusters known and fresh, the namespace exists there), plus the namespace belonging to the
// workspace. Names are resolved first: an unknown workspace or cluster is a 404 naming the field; then bad input
// is a 400 with field errors (tagged errors, server/errors.ts). Nothing reaches a cluster either way.
import { planIngressGateway, type IngressGatewayPlan } from "@/lib/manifests/ingress-gateway";
import { dnsLabelProblem } from "@/lib/validation/dns-name";
import { unknownClusterErrors } from "@/lib/validation/known-cluster";
import { workspaceContext, namespaceInWorkspaceError } from "@/lib/validation/workspace-lookup";
import type { GatewayDeployInput } from "@/lib/workspace-view/types";
import { invalidInput, notFound } from "@/server/errors";
import { clustersForValidation, requireWorkspace, type FleetView } from "./fleet-input";

const blankToUndefined = (s: string | undefined) => (s === undefined || s.trim() === "" ? undefined : s);

/** `excluded`: kubeconfig contexts EASTWEST_CONTEXTS leaves out (named as such when the input asks for one). */
export function checkGatewayRequest(view: FleetView, input: GatewayDeployInput, excluded: readonly string[] = []): IngressGatewayPlan {
  const ws = requireWorkspace(view, input.workspace);
  const [unknown, ...more] = unknownClusterErrors("clusters", input.clusters, clustersForValidation(view), excluded);
  if (unknown) throw notFound(unknown.field, unknown.message, more);
  const { input: planInput } = view.adapted;
  const name = blankToUndefined(input.name);
  const namespace = blankToUndefined(input.namespace);
  const planned = planIngressGateway(
    { ...(name ? { name } : {}), ...(namespace ? { namespace } : {}), clusters: input.clusters },
    { clusters: clustersForValidation(view), workspace: { name: ws.name, ...(ws.namespace ? { namespace: ws.namespace } : {}), ...(ws.setting ? { setting: ws.setting } : {}) } },
  );
  const found = workspaceContext("workspace", ws.name, planInput);
  const chosen = planned.ok ? planned.value.manifest.metadata.namespace : (namespace ?? ws.namespace);
  const outside = found.ok && chosen !== undefined && dnsLabelProblem(chosen) === undefined ? namespaceInWorkspaceError("namespace", chosen, found.context) : undefined;
  // "Not in the workspace" is the more useful sentence than "does not exist there" for the same field.
  const errors = [...(planned.ok ? [] : planned.errors.filter((e) => !(outside && e.field === "namespace"))), ...(outside ? [outside] : [])];
  if (!planned.ok || errors.length > 0) throw invalidInput(errors);
  return planned.value;
}
