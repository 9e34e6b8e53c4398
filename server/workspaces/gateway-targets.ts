// The live IngressGateway in each chosen cluster, read before a preview or an apply. The console only ever
// changes what it can prove it created: an IngressGateway of that name without the console's managed-by label
// AND its field manager in managedFields is someone else's (kubectl, GitOps — a copied label proves nothing),
// and applying over it would make the console co-owner — refused as bad input on `name`, before anything is written.
import type { Manifest } from "@/lib/manifests/manifest";
import { listing } from "@/lib/readiness/context";
import type { FieldError } from "@/lib/validation/field-error";
import { tooDeepProblem } from "@/lib/validation/json-depth";
import type { ConsoleFailure, LiveObject } from "@/server/kube/console-outcome";
import type { ConsoleWriter } from "@/server/kube/console-writer";
import { invalidInput, unprocessable } from "@/server/errors";
import type { WorkspaceDeps } from "./deps";
import { authorshipMissing } from "./gateway-ownership";
import { noWriter } from "./write-results";

export type GatewayTarget =
  | { cluster: string; ok: true; writer: ConsoleWriter; live: LiveObject | undefined }
  | ({ cluster: string; ok: false } & ConsoleFailure);

export const refOf = (m: Manifest) => ({ apiVersion: m.apiVersion, kind: m.kind, name: m.metadata.name, ...(m.metadata.namespace ? { namespace: m.metadata.namespace } : {}) });

export async function readTargets(deps: WorkspaceDeps, manifest: Manifest, clusters: readonly string[]): Promise<GatewayTarget[]> {
  const targets = await Promise.all(
    clusters.map(async (cluster): Promise<GatewayTarget> => {
      const writer = deps.writerFor(cluster);
      if (!writer) return { cluster, ok: false, ...noWriter(cluster) };
      const got = await writer.get(refOf(manifest));
      return got.ok ? { cluster, ok: true, writer, live: got.object } : { cluster, ...got };
    }),
  );
  const foreign: FieldError[] = targets.flatMap((t) => {
    const missing = t.ok && t.live !== undefined ? authorshipMissing(t.live) : [];
    if (missing.length === 0) return [];
    const message = `IngressGateway ${manifest.metadata.namespace ?? ""}/${manifest.metadata.name} already exists in ${t.cluster} and the console cannot prove it created it (it lacks ${listing(missing)}); choose another name, or change it where it is managed.`;
    return [{ field: "name", message }];
  });
  if (foreign.length > 0) throw invalidInput(foreign);
  // Previews diff and render the live object recursively: one nested too deep is refused, not walked.
  const deep = targets.flatMap((t) => (t.ok ? (tooDeepProblem("IngressGateway", t.live) ?? []) : []))[0];
  if (deep) throw unprocessable("name", deep);
  return targets;
}
