import type { ClusterStatus } from "@/lib/fleet-schema";
import type { KubeconfigLoad } from "@/server/kube/kubeconfig";

/** Log lines name clusters, paths and sentences only; never a credential or a transport message. */
export function logLoad(log: (line: string) => void, load: KubeconfigLoad, management: string | null) {
  if (!load.ok) return log(`fleet: kubeconfig problem: ${load.error.message} ${load.error.hint}`);
  log(`fleet: kubeconfig ${load.sources.join(":")} with ${load.clusters.length} context(s)`);
  if (management && !load.clusters.some((h) => h.name === management)) {
    log(`fleet: management cluster ${management} is not among the contexts shown`);
  }
}

export function logTransition(log: (line: string) => void, before: ClusterStatus | undefined, after: ClusterStatus) {
  if (before?.ok === after.ok) return;
  if (after.ok) log(`fleet: cluster ${after.cluster} reachable (${after.value.version})`);
  else log(`fleet: cluster ${after.cluster} unreachable: ${after.error.message}`);
}
