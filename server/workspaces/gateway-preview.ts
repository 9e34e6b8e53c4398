// Deploy preview: the IngressGateway as YAML and kubectl, and per cluster the diff against the live object
// and the cluster's own verdict from a server-side dry-run (dryRun=All persists nothing).
import { applyActions, kubectlScript } from "@/lib/manifests/kubectl-command";
import type { Manifest } from "@/lib/manifests/manifest";
import { renderYaml } from "@/lib/manifests/render";
import type { GatewayDeployInput, GatewayPreview } from "@/lib/workspace-view/types";
import type { WorkspaceDeps } from "./deps";
import { boundPreview, stateOf } from "./fleet-input";
import { gatewayConsequences } from "./gateway-consequences";
import { observedIfWriting } from "./observed-if-writing";
import { checkGatewayRequest } from "./gateway-request";
import { readTargets, type GatewayTarget } from "./gateway-targets";
import { dryRunOf, objectDiff } from "./write-results";

async function previewIn(target: GatewayTarget, manifest: Manifest): Promise<GatewayPreview["clusters"][number]> {
  if (!target.ok) return { cluster: target.cluster, diff: objectDiff(undefined, manifest, undefined), dryRun: dryRunOf(target) };
  const dry = await target.writer.apply(manifest, { dryRun: true });
  return { cluster: target.cluster, diff: objectDiff(target.live, manifest, dry.ok ? dry.object : undefined), dryRun: dryRunOf(dry) };
}

export async function gatewayPreview(deps: WorkspaceDeps, input: GatewayDeployInput): Promise<GatewayPreview> {
  const state = await stateOf(deps);
  const { manifest, clusters, warnings } = checkGatewayRequest(state, input, deps.excludedClusters?.());
  // The fork runs in the planner's worker while the clusters answer the dry-runs.
  const proposed = { name: manifest.metadata.name, namespace: manifest.metadata.namespace ?? "", clusters };
  const consequences = observedIfWriting(deps, state).then((observed) => gatewayConsequences(boundPreview(deps.model), input.workspace, proposed, observed));
  consequences.catch(() => undefined);
  const targets = await readTargets(deps, manifest, clusters);
  return {
    yaml: renderYaml(manifest),
    kubectl: kubectlScript(applyActions(manifest, clusters)),
    name: manifest.metadata.name,
    namespace: manifest.metadata.namespace ?? "",
    warnings,
    clusters: await Promise.all(targets.map((t) => previewIn(t, manifest))),
    // A fork of the model's plan, as the expose preview: the objects the registry will write once it serves.
    ...(await consequences),
  };
}
