// The WorkspaceSetting API to read and write, found by discovery on the management cluster and cached briefly
// (the detail page asks on every load; a CRD being installed shows up within the TTL). When discovery fails
// (management cluster unreachable) the seed form is assumed and the failure is not cached; a write would fail
// on that cluster anyway and report why.
import type { ClusterHandle } from "@/server/kube/kubeconfig";
import { discoverSettingsApi } from "@/server/kube/settings-discovery";

export type SettingsApi = { form: "seed" | "tsb"; served: boolean };

const TTL_MS = 30_000;

type Entry = { at: number; api: SettingsApi };

export function createSettingsApiCache(options: { timeoutMs: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const cache = new WeakMap<object, Entry>();
  return async (handle: ClusterHandle | undefined): Promise<SettingsApi> => {
    if (!handle?.kubeConfig) return { form: "seed", served: false };
    const hit = cache.get(handle.kubeConfig);
    if (hit && now() - hit.at < TTL_MS) return hit.api;
    const found = await discoverSettingsApi(handle, options.timeoutMs);
    if (!found.ok) return { form: "seed", served: false };
    const api: SettingsApi = found.form === "none" ? { form: "seed", served: false } : { form: found.form, served: true };
    cache.set(handle.kubeConfig, { at: now(), api });
    return api;
  };
}
