// Whether the console can prove it made a live IngressGateway, before it deletes one. A label is copied by
// anyone (`kubectl get -o yaml | kubectl apply` keeps it), so ownership needs every mark the console leaves:
// the managed-by label, its server-side-apply field manager in metadata.managedFields (every console write is
// an Apply under `eastwest-console`), a name and namespace its deploy form produces (a DNS label, in a
// namespace of the workspace), and `spec.eastWestOnly: true` (the only spec it writes). Pure: reads the object
// as the API server returned it.
import { FIELD_MANAGER, isManagedByConsole } from "@/lib/manifests/manifest";
import { managersOf } from "@/lib/registry/ownership";
import { dnsLabelProblem } from "@/lib/validation/dns-name";
import { listing } from "@/lib/readiness/context";
import type { LiveObject } from "@/server/kube/console-outcome";

export type GatewayProof = { owned: true } | { owned: false; missing: string[] };

const rec = (v: unknown): Record<string, unknown> | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/**
 * The marks of authorship only (label and field manager), for applying over an existing gateway: the console may
 * re-apply what it wrote (restoring eastWestOnly, say), never take over someone else's object of that name.
 */
export function authorshipMissing(live: LiveObject): string[] {
  return [
    isManagedByConsole(live) ? undefined : "the app.kubernetes.io/managed-by=eastwest-console label",
    managersOf(live.metadata.managedFields).includes(`${FIELD_MANAGER}/Apply`) ? undefined : `the console's field manager (${FIELD_MANAGER}) in metadata.managedFields`,
  ].filter((m): m is string => m !== undefined);
}

/** `namespaces`: the workspace's namespaces in the cluster (where the deploy form puts gateways). */
export function proveConsoleGateway(live: LiveObject, namespaces: readonly string[]): GatewayProof {
  const name = live.metadata.name ?? "";
  const namespace = live.metadata.namespace ?? "";
  const missing = [
    ...authorshipMissing(live),
    dnsLabelProblem(name) === undefined ? undefined : "a name the console's deploy form produces (a DNS label)",
    namespaces.includes(namespace) ? undefined : `a namespace of the workspace (${namespaces.join(", ") || "none in this cluster"})`,
    rec(live.spec)?.eastWestOnly === true ? undefined : "spec.eastWestOnly: true",
  ].filter((m): m is string => m !== undefined);
  return missing.length === 0 ? { owned: true } : { owned: false, missing };
}

/** The refusal, naming what is missing: shown in the preview and returned by a removal attempt. */
export function notProvenSentence(gw: { cluster: string; namespace: string; name: string }, missing: readonly string[]): string {
  return `IngressGateway ${gw.namespace}/${gw.name} in ${gw.cluster} is not provably the console's: it lacks ${listing(missing)}. The console removes only gateways it made; remove this one where it is managed. Nothing was deleted.`;
}

const NOISE_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

/** The live object for a person to read: as returned, minus managedFields and kubectl's last-applied copy. */
export function readableLive(live: LiveObject): LiveObject {
  const metadata = { ...live.metadata };
  delete metadata.managedFields;
  const kept = Object.entries(rec(metadata.annotations) ?? {}).filter(([key]) => key !== NOISE_ANNOTATION);
  delete metadata.annotations;
  return { ...live, metadata: { ...metadata, ...(kept.length > 0 ? { annotations: Object.fromEntries(kept) } : {}) } };
}
