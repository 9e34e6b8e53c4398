// Removing an east-west gateway the console created, from one cluster. The preview says, from the planner run
// without that gateway, what stops working; removal deletes only an IngressGateway labelled managed-by
// eastwest-console (anything else is a 400 on `name`), with a uid + resourceVersion precondition so an object
// replaced since we read it is never deleted. The installer's Deployment and Service go with it (owner refs).
import { deleteActions, kubectlScript } from "@/lib/manifests/kubectl-command";
import { ingressGatewayManifest } from "@/lib/manifests/ingress-gateway";
import { isManagedByConsole } from "@/lib/manifests/manifest";
import { renderYaml } from "@/lib/manifests/render";
import { plan } from "@/lib/plan/plan";
import { dnsLabelError } from "@/lib/validation/dns-name";
import { knownClusterError, unknownClusterError } from "@/lib/validation/known-cluster";
import { namespaceInWorkspaceError, workspaceContext } from "@/lib/validation/workspace-lookup";
import type { GatewayRemoveInput, GatewayRemovePreview, WriteResult } from "@/lib/workspace-view/types";
import { invalidInput, notFound } from "@/server/errors";
import type { LiveObject } from "@/server/kube/console-outcome";
import type { ConsoleWriter } from "@/server/kube/console-writer";
import type { WorkspaceDeps } from "./deps";
import { clustersForValidation, planInputOf, requireWorkspace } from "./fleet-input";
import { lossSentences } from "./consequences";
import { refOf } from "./gateway-targets";
import { noWriter, writeResultOf } from "./write-results";

function checkInput(deps: WorkspaceDeps, input: GatewayRemoveInput): void {
  const snapshot = deps.snapshot();
  requireWorkspace(snapshot, input.workspace);
  const { input: planInput } = planInputOf(snapshot);
  const found = workspaceContext("workspace", input.workspace, planInput);
  // An unknown cluster is a name that matches nothing: 404, before the 400s for malformed fields.
  const unknown = unknownClusterError("cluster", input.cluster, clustersForValidation(snapshot));
  if (unknown) throw notFound(unknown.field, unknown.message);
  const errors = [
    knownClusterError("cluster", input.cluster, clustersForValidation(snapshot)),
    dnsLabelError("name", input.name, "gateway name"),
    dnsLabelError("namespace", input.namespace, "namespace") ?? (found.ok ? namespaceInWorkspaceError("namespace", input.namespace, found.context) : undefined),
  ].flatMap((e) => e ?? []);
  if (errors.length > 0) throw invalidInput(errors);
}

type Owned = { writer: ConsoleWriter; live: LiveObject };

/** The live gateway, checked to be the console's; a failure to read is returned as a WriteResult. */
async function ownedGateway(deps: WorkspaceDeps, input: GatewayRemoveInput): Promise<Owned | WriteResult> {
  checkInput(deps, input);
  const writer = deps.writerFor(input.cluster);
  if (!writer) return writeResultOf(input.cluster, { ok: false, ...noWriter(input.cluster) });
  const got = await writer.get(refOf(ingressGatewayManifest(input.name, input.namespace)));
  if (!got.ok) return writeResultOf(input.cluster, got);
  if (!got.object) throw notFound("name", `IngressGateway ${input.namespace}/${input.name} does not exist in ${input.cluster}.`);
  if (!isManagedByConsole(got.object)) {
    throw invalidInput([{ field: "name", message: `IngressGateway ${input.namespace}/${input.name} in ${input.cluster} was not created by the console (no app.kubernetes.io/managed-by=eastwest-console label); remove it where it is managed.` }]);
  }
  return { writer, live: got.object };
}

function consequences(deps: WorkspaceDeps, input: GatewayRemoveInput): string[] {
  const { input: planInput } = planInputOf(deps.snapshot());
  const without = {
    ...planInput,
    clusters: planInput.clusters.map((c) => (c.name !== input.cluster ? c : { ...c, gateways: c.gateways.filter((g) => !(g.namespace === input.namespace && g.name === input.name)) })),
  };
  const sentences = lossSentences(plan(planInput), plan(without), input.cluster);
  return sentences.length > 0 ? sentences : [`No other cluster depends on this gateway: removing it from ${input.cluster} changes nothing the registry generates.`];
}

export async function gatewayRemovePreview(deps: WorkspaceDeps, input: GatewayRemoveInput): Promise<GatewayRemovePreview> {
  // Reads the live object too, so a gateway the console did not create is refused already at preview.
  const owned = await ownedGateway(deps, input);
  const manifest = ingressGatewayManifest(input.name, input.namespace);
  const unreadable = "cluster" in owned && !owned.ok ? [`${input.cluster} could not be read: ${owned.message}`] : [];
  return { yaml: renderYaml(manifest), kubectl: kubectlScript(deleteActions(manifest, [input.cluster])), consequences: [...unreadable, ...consequences(deps, input)] };
}

export async function gatewayRemove(deps: WorkspaceDeps, input: GatewayRemoveInput): Promise<WriteResult> {
  checkInput(deps, input);
  const key = JSON.stringify(["gateway-remove", input.cluster, input.namespace, input.name]);
  return deps.inFlight(key, async () => {
    const owned = await ownedGateway(deps, input);
    if ("cluster" in owned) return owned;
    const { uid, resourceVersion } = owned.live.metadata;
    if (!uid || !resourceVersion) return { cluster: input.cluster, ok: false, kind: "rejected", message: `${input.cluster} returned the gateway without uid/resourceVersion; it is not deleted blind.` };
    return writeResultOf(input.cluster, await owned.writer.remove(refOf(ingressGatewayManifest(input.name, input.namespace)), { uid, resourceVersion }));
  });
}
