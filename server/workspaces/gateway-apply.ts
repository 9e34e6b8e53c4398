// Deploy: server-side apply of the IngressGateway in each chosen cluster under the console's field manager.
// One cluster failing never fails the others: results are per cluster. Identical concurrent requests (a double
// click) share one run.
import type { Manifest } from "@/lib/manifests/manifest";
import type { GatewayApplyResult, GatewayDeployInput, WriteResult } from "@/lib/workspace-view/types";
import type { WorkspaceDeps } from "./deps";
import { stateOf } from "./fleet-input";
import { checkGatewayRequest } from "./gateway-request";
import { readTargets, type GatewayTarget } from "./gateway-targets";
import { writeResultOf } from "./write-results";

async function applyIn(target: GatewayTarget, manifest: Manifest): Promise<WriteResult> {
  if (!target.ok) return writeResultOf(target.cluster, target);
  return writeResultOf(target.cluster, await target.writer.apply(manifest, { dryRun: false }));
}

export async function gatewayApply(deps: WorkspaceDeps, input: GatewayDeployInput): Promise<GatewayApplyResult> {
  // Validation first, outside the coalesced run: bad input is a 400 for every caller and writes nothing.
  const { manifest, clusters } = checkGatewayRequest(await stateOf(deps), input, deps.excludedClusters?.());
  const key = JSON.stringify(["gateway-apply", input.workspace, manifest, [...clusters].sort()]);
  return deps.inFlight(key, async () => {
    const targets = await readTargets(deps, manifest, clusters);
    return { results: await Promise.all(targets.map((t) => applyIn(t, manifest))) };
  });
}
