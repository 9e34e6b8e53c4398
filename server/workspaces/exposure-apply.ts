// Exposure apply: server-side apply of the WorkspaceSetting on the management cluster under the console's
// field manager. Not forced unless the person chose it; a field another manager owns comes back as a conflict
// naming that manager (data, not an error). Identical concurrent requests of one person share one run. Made for a
// person, the apply acts as them: a refusal by the management cluster's RBAC is a 403, nothing written.
import type { ExposureApplyInput, ExposureApplyResult } from "@/lib/workspace-view/types";
import type { WorkspaceDeps } from "./deps";
import { checkExposureRequest } from "./exposure-request";
import { stateOf } from "./fleet-input";
import { actorKey, noWriter, throwIfRefused, writeResultOf } from "./write-results";

export async function exposureApply(deps: WorkspaceDeps, input: ExposureApplyInput): Promise<ExposureApplyResult> {
  const { manifest, management } = await checkExposureRequest(deps, await stateOf(deps), { workspace: input.workspace, exposure: input.exposure });
  const force = input.force ?? false;
  const key = JSON.stringify(["exposure-apply", management, manifest, force, actorKey(deps.actor)]);
  return deps.inFlight(key, async () => {
    const writer = deps.writerFor(management);
    if (!writer) return writeResultOf(management, { ok: false, ...noWriter(management) });
    return writeResultOf(management, throwIfRefused("workspace", await writer.apply(manifest, { dryRun: false, force })));
  });
}
