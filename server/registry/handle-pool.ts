// Per-cluster clients (writers, the Lease client) made from the fleet's live cluster handles. The fleet service
// re-reads the kubeconfig while the console runs and hands out a new KubeConfig object when a context changes
// (new server, new token); a client keeps the config it was made with, so it is re-made whenever the handle's
// KubeConfig is a different object, and made lazily on first use. No handle, or one whose context is unusable
// (no KubeConfig), gives no client: the caller treats the cluster as unwritable, never guesses.
import type { ClusterHandle } from "@/server/kube/kubeconfig";

export type HandleSource = (cluster: string) => ClusterHandle | undefined;

export function followHandles<T>(handleOf: HandleSource, make: (handle: ClusterHandle) => T | undefined): (cluster: string) => T | undefined {
  const made = new Map<string, { config: object; client: T | undefined }>();
  return (cluster) => {
    const handle = handleOf(cluster);
    const config = handle?.kubeConfig;
    if (!handle || !config) {
      made.delete(cluster);
      return undefined;
    }
    const before = made.get(cluster);
    if (before?.config === config) return before.client;
    const client = make(handle);
    made.set(cluster, { config, client });
    return client;
  };
}
