// Deploy: server-side apply of the IngressGateway in each chosen cluster under the console's field manager.
// One cluster failing never fails the others: results are per cluster. Identical concurrent requests of one person
// (a double click) share one run. Made for a person, each apply acts as them; when every chosen cluster's RBAC
// refused it (nothing was written anywhere) the answer is a 403 naming each refusal, otherwise per-cluster data.
import type { Manifest } from "@/lib/manifests/manifest";
import type { GatewayApplyResult, GatewayDeployInput } from "@/lib/workspace-view/types";
import { forbidden } from "@/server/errors";
import type { ConsoleFailure } from "@/server/kube/console-outcome";
import type { WorkspaceDeps } from "./deps";
import { stateOf } from "./fleet-input";
import { checkGatewayRequest } from "./gateway-request";
import { readTargets, type GatewayTarget } from "./gateway-targets";
import { actorKey, refusalOf, writeResultOf } from "./write-results";

type Outcome = { cluster: string; outcome: { ok: true } | ({ ok: false } & ConsoleFailure) };

async function applyIn(target: GatewayTarget, manifest: Manifest): Promise<Outcome> {
  if (!target.ok) return { cluster: target.cluster, outcome: target };
  return { cluster: target.cluster, outcome: await target.writer.apply(manifest, { dryRun: false }) };
}

function resultsOf(outcomes: Outcome[]): GatewayApplyResult {
  const refusals = outcomes.map((o) => refusalOf(o.outcome));
  const all = refusals.filter((r): r is string => r !== undefined);
  if (outcomes.length > 0 && all.length === outcomes.length) throw forbidden("clusters", all.join(" "));
  return { results: outcomes.map((o) => writeResultOf(o.cluster, o.outcome)) };
}

export async function gatewayApply(deps: WorkspaceDeps, input: GatewayDeployInput): Promise<GatewayApplyResult> {
  // Validation first, outside the coalesced run: bad input is a 400 for every caller and writes nothing.
  const { manifest, clusters } = checkGatewayRequest(await stateOf(deps), input, deps.excludedClusters?.());
  const key = JSON.stringify(["gateway-apply", input.workspace, manifest, [...clusters].sort(), actorKey(deps.actor)]);
  return deps.inFlight(key, async () => {
    const targets = await readTargets(deps, manifest, clusters);
    return resultsOf(await Promise.all(targets.map((t) => applyIn(t, manifest))));
  });
}
