// Removing an east-west gateway the console created, from one cluster. The preview shows the live object that
// would be deleted (as the cluster returned it) and, from the planner run without that gateway, what stops
// working; removal deletes only an IngressGateway the console can prove it made (gateway-ownership.ts: label,
// field manager, name/namespace, eastWestOnly — anything short of that is refused, naming what is missing, as a
// 400 on `name`), with a uid + resourceVersion precondition so an object replaced since it was read is never
// deleted. The installer's Deployment and Service go with it (owner refs). Made for a person, the delete (and the
// read, when reads are impersonated) acts as them: their cluster's refusal is a 403 on `cluster`, nothing deleted.
import { deleteActions, kubectlScript } from "@/lib/manifests/kubectl-command";
import { ingressGatewayManifest } from "@/lib/manifests/ingress-gateway";
import { renderYaml } from "@/lib/manifests/render";
import { workspaceScope } from "@/lib/plan/workspace-scope";
import { dnsLabelError } from "@/lib/validation/dns-name";
import { tooDeepProblem } from "@/lib/validation/json-depth";
import { MAX_LISTED_CONSEQUENCES } from "@/lib/workspace-view/consequence-cap";
import { knownClusterError, unknownClusterError } from "@/lib/validation/known-cluster";
import { namespaceInWorkspaceError, workspaceContext } from "@/lib/validation/workspace-lookup";
import type { GatewayRemoveInput, GatewayRemovePreview, WriteResult } from "@/lib/workspace-view/types";
import { invalidInput, notFound, unprocessable } from "@/server/errors";
import type { LiveObject } from "@/server/kube/console-outcome";
import type { ConsoleWriter } from "@/server/kube/console-writer";
import type { WorkspaceDeps } from "./deps";
import { clustersForValidation, requireWorkspace, stateOf, type FleetView } from "./fleet-input";
import { localEndpointCounts } from "./local-endpoint-counts";
import { viewMemoOf } from "./view-memo";
import { notProvenSentence, proveConsoleGateway, readableLive, type GatewayProof } from "./gateway-ownership";
import { refOf } from "./gateway-targets";
import { actorKey, noWriter, throwIfRefused, writeResultOf } from "./write-results";

function checkInput(deps: WorkspaceDeps, view: FleetView, input: GatewayRemoveInput): void {
  requireWorkspace(view, input.workspace);
  const { input: planInput } = view.adapted;
  const found = workspaceContext("workspace", input.workspace, planInput);
  // An unknown cluster is a name that matches nothing: 404, before the 400s for malformed fields.
  const unknown = unknownClusterError("cluster", input.cluster, clustersForValidation(view), deps.excludedClusters?.());
  if (unknown) throw notFound(unknown.field, unknown.message);
  const errors = [
    knownClusterError("cluster", input.cluster, clustersForValidation(view)),
    dnsLabelError("name", input.name, "gateway name"),
    dnsLabelError("namespace", input.namespace, "namespace") ?? (found.ok ? namespaceInWorkspaceError("namespace", input.namespace, found.context) : undefined),
  ].flatMap((e) => e ?? []);
  if (errors.length > 0) throw invalidInput(errors);
}

type Read = { writer: ConsoleWriter; live: LiveObject; proof: GatewayProof };

/**
 * The live gateway and whether it is provably the console's; a failure to read is returned as a WriteResult
 * (for a removal, `refusedOn`: a read the person's cluster refused is that request's 403).
 */
async function readGateway(deps: WorkspaceDeps, view: FleetView, input: GatewayRemoveInput, refusedOn?: string): Promise<Read | WriteResult> {
  checkInput(deps, view, input);
  const writer = deps.writerFor(input.cluster);
  if (!writer) return writeResultOf(input.cluster, { ok: false, ...noWriter(input.cluster) });
  const got = await writer.get(refOf(ingressGatewayManifest(input.name, input.namespace)));
  if (refusedOn) throwIfRefused(refusedOn, got);
  if (!got.ok) return writeResultOf(input.cluster, got);
  if (!got.object) throw notFound("name", `IngressGateway ${input.namespace}/${input.name} does not exist in ${input.cluster}.`);
  // The preview renders the live object as YAML, recursively: one nested too deep is refused, not walked.
  const deep = tooDeepProblem("IngressGateway", got.object);
  if (deep) throw unprocessable("name", deep);
  const { input: planInput } = view.adapted;
  const ws = requireWorkspace(view, input.workspace);
  const namespaces = workspaceScope(ws, planInput.clusters).scope.get(input.cluster) ?? [];
  return { writer, live: got.object, proof: proveConsoleGateway(got.object, namespaces) };
}

/**
 * The model's plan forked without the gateway: what its delta takes away, and from whom, judged in the planner
 * worker with each cluster's live endpoints (a cluster's only working instance being the removed one is said so).
 */
async function consequences(deps: WorkspaceDeps, view: FleetView, input: GatewayRemoveInput): Promise<Pick<GatewayRemovePreview, "consequences" | "moreConsequences">> {
  const isRemoved = (g: { namespace: string; name: string }) => g.namespace === input.namespace && g.name === input.name;
  const local = await localEndpointCounts(viewMemoOf(deps.model), view.snapshot);
  const { answer } = await deps.model.preview(
    (current) => ({ ...current, clusters: current.clusters.map((c) => (c.name !== input.cluster ? c : { ...c, gateways: c.gateways.filter((g) => !isRemoved(g)) })) }),
    { kind: "loss", lostSource: input.cluster, local, listLimit: MAX_LISTED_CONSEQUENCES },
  );
  if (answer.kind !== "loss") throw new Error(`the planner answered a removal preview with a ${answer.kind} answer`);
  const { sentences, more } = answer;
  if (sentences.length === 0) return { consequences: [`No other cluster depends on this gateway: removing it from ${input.cluster} changes nothing the registry generates.`] };
  return { consequences: sentences, ...(more > 0 ? { moreConsequences: more } : {}) };
}

export async function gatewayRemovePreview(deps: WorkspaceDeps, input: GatewayRemoveInput): Promise<GatewayRemovePreview> {
  // Reads the live object, so the preview shows what would really be deleted, and refuses what is not provably ours.
  const state = await stateOf(deps);
  const read = await readGateway(deps, state, input);
  const manifest = ingressGatewayManifest(input.name, input.namespace);
  const kubectl = kubectlScript(deleteActions(manifest, [input.cluster]));
  if ("cluster" in read) {
    const refusal = read.ok ? `${input.cluster} returned nothing to inspect.` : `${input.cluster} could not be read: ${read.message} The console does not delete what it cannot inspect.`;
    return { yaml: "", kubectl, consequences: [], removable: false, refusal };
  }
  const yaml = renderYaml(readableLive(read.live));
  if (!read.proof.owned) return { yaml, kubectl: "", consequences: [], removable: false, refusal: notProvenSentence(input, read.proof.missing) };
  return { yaml, kubectl, ...(await consequences(deps, state, input)), removable: true };
}

export async function gatewayRemove(deps: WorkspaceDeps, input: GatewayRemoveInput): Promise<WriteResult> {
  const state = await stateOf(deps);
  checkInput(deps, state, input);
  const key = JSON.stringify(["gateway-remove", input.cluster, input.namespace, input.name, actorKey(deps.actor)]);
  return deps.inFlight(key, async () => {
    const read = await readGateway(deps, await stateOf(deps), input, "cluster");
    if ("cluster" in read) return read;
    if (!read.proof.owned) throw invalidInput([{ field: "name", message: notProvenSentence(input, read.proof.missing) }]);
    const { uid, resourceVersion } = read.live.metadata;
    if (!uid || !resourceVersion) return { cluster: input.cluster, ok: false, kind: "rejected", message: `${input.cluster} returned the gateway without uid/resourceVersion; it is not deleted blind.` };
    return writeResultOf(input.cluster, throwIfRefused("cluster", await read.writer.remove(refOf(manifestOf(input)), { uid, resourceVersion })));
  });
}

const manifestOf = (input: GatewayRemoveInput) => ingressGatewayManifest(input.name, input.namespace);
