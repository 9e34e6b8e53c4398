// Which WorkspaceSetting API the management cluster serves, by API discovery (GET /apis/<group>/<version>,
// whose APIResourceList names the served resources): the seed's `settings.tetrate.io/v1alpha1` or TSB's
// `tsb.tetrate.io/v2`. Both served → the seed form (what the product models). A 404 on a group version means
// it is not served; anything else (unreachable, 401) is an error the caller reports.
import { withDeadline } from "./deadline";
import { isKubeHttpError, kubeGetJson } from "./kube-http";
import type { ClusterHandle } from "./kubeconfig";

export type SettingsApiDiscovery = { ok: true; form: "seed" | "tsb" | "none" } | { ok: false; error: unknown };

const SEED = "/apis/settings.tetrate.io/v1alpha1";
const TSB = "/apis/tsb.tetrate.io/v2";

async function servesWorkspaceSettings(handle: ClusterHandle, path: string, signal: AbortSignal): Promise<boolean> {
  if (!handle.kubeConfig) throw new Error("cluster without a usable kubeconfig context");
  try {
    const list = (await kubeGetJson(handle.kubeConfig, path, {}, signal)) as { resources?: Array<{ name?: unknown }> };
    return (list.resources ?? []).some((r) => r.name === "workspacesettings");
  } catch (err) {
    if (isKubeHttpError(err) && err.code === 404) return false;
    throw err;
  }
}

export async function discoverSettingsApi(handle: ClusterHandle, timeoutMs: number): Promise<SettingsApiDiscovery> {
  try {
    return await withDeadline(timeoutMs, async (signal): Promise<SettingsApiDiscovery> => {
      if (await servesWorkspaceSettings(handle, SEED, signal)) return { ok: true, form: "seed" };
      if (await servesWorkspaceSettings(handle, TSB, signal)) return { ok: true, form: "tsb" };
      return { ok: true, form: "none" };
    });
  } catch (error) {
    return { ok: false, error };
  }
}
