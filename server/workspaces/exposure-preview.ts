// Exposure preview: the WorkspaceSetting apply configuration (YAML + kubectl), the live object, the cluster's
// dry-run verdict (server-side apply, dryRun=All, not forced), the diff of live against what the cluster would
// store, why "expose all" may not take effect, and the planner's per-cluster consequences. Writes nothing.
import { diffManifest } from "@/lib/manifests/diff";
import { exposeAllBlockedBy } from "@/lib/manifests/expose-all";
import { kubectlCommand } from "@/lib/manifests/kubectl-command";
import type { Manifest } from "@/lib/manifests/manifest";
import { tooDeepProblem } from "@/lib/validation/json-depth";
import { renderYaml } from "@/lib/manifests/render";
import type { ExposureInput, ExposurePreview } from "@/lib/workspace-view/types";
import { unprocessable } from "@/server/errors";
import type { ApplyOutcome, LiveObject } from "@/server/kube/console-outcome";
import type { WorkspaceDeps } from "./deps";
import { exposureConsequences, settingFrom } from "./exposure-consequences";
import { observedIfWriting } from "./observed-if-writing";
import { checkExposureRequest } from "./exposure-request";
import { boundPreview, stateOf } from "./fleet-input";
import { refOf } from "./gateway-targets";
import { dryRunOf, noWriter } from "./write-results";

type Read = { live: LiveObject | undefined; dry: ApplyOutcome; forced?: ApplyOutcome };

async function readAndDryRun(deps: WorkspaceDeps, cluster: string, manifest: Manifest): Promise<Read> {
  const writer = deps.writerFor(cluster);
  if (!writer) return { live: undefined, dry: { ok: false, ...noWriter(cluster) } };
  const got = await writer.get(refOf(manifest));
  if (!got.ok) return { live: undefined, dry: got };
  const dry = await writer.apply(manifest, { dryRun: true, force: false });
  // On a conflict, a forced dry-run shows what forcing would store, so the diff is still the cluster's answer.
  const forced = !dry.ok && dry.kind === "conflict" ? await writer.apply(manifest, { dryRun: true, force: true }) : undefined;
  return { live: got.object, dry, ...(forced ? { forced } : {}) };
}

export async function exposurePreview(deps: WorkspaceDeps, input: ExposureInput): Promise<ExposurePreview> {
  const state = await stateOf(deps);
  const { manifest, target, management, api } = await checkExposureRequest(deps, state, input);
  const { live, dry, forced } = await readAndDryRun(deps, management, manifest);
  const stored = dry.ok ? dry.object : forced?.ok ? forced.object : undefined;
  // The live object may have changed since the cache saw it: the diff and YAML below walk it recursively.
  const deep = tooDeepProblem("WorkspaceSetting", live) ?? tooDeepProblem("WorkspaceSetting", stored);
  if (deep) throw unprocessable("workspace", deep);
  const block = input.exposure.mode === "all" && api.form === "seed" ? exposeAllBlockedBy(live, management) : undefined;
  const proposed = settingFrom(stored ?? manifest, target);
  return {
    yaml: renderYaml(manifest),
    kubectl: kubectlCommand({ type: "apply", context: management, manifest }),
    target: { name: target.name, namespace: target.namespace, cluster: management, exists: live !== undefined },
    diff: diffManifest(live, live !== undefined && stored !== undefined ? stored : manifest),
    dryRun: dryRunOf(dry),
    ...(block ? { exposeAllBlock: block } : {}),
    // The model's fork of the registry's own plan (its input carries the DNS answers): the objects (and endpoints)
    // the registry will write.
    ...(await exposureConsequences(boundPreview(deps.model), input.workspace, proposed, await observedIfWriting(deps, state))),
  };
}
