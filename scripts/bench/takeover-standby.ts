// The standby replica of the registry stage's takeover measurement (takeover-write.ts), in a process of its own as
// a real standby is: its own fleet cache, fleet model, planner worker and registry, with the production timings
// and settings, writing only while its elector leads. It follows the Lease the benchmark's leader holds.
// Prints "standby ready" once it has synced and planned (a converged fleet: nothing to write), then
// "standby leads <epoch ms>" when it takes the Lease and "standby wrote <epoch ms>" at its first write. SIGTERM
// stops it (releasing the Lease).
// Usage: tsx --conditions=react-server scripts/bench/takeover-standby.ts <kubeconfig> <management> <namespace> <clusters> <lease name>
import { parseEnv } from "@/server/env";
import { startFleetService } from "@/server/fleet/service";
import { loadKubeconfig } from "@/server/kube/kubeconfig";
import { createLeaseClient } from "@/server/kube/lease-client";
import { createClusterWriter, type ClusterWriter } from "@/server/kube/writer";
import { defaultPlannerHost } from "@/server/model/default-host";
import { fromFleetSource } from "@/server/registry/fleet-source";
import { startLeaderElection } from "@/server/registry/leader-election";
import { startRegistryOnSource } from "@/server/registry/model-registry";
import { gatewaysReady, waitForSnapshot } from "../bench-registry-steps";

async function main([kubeconfig, management, namespace, clusters, lease]: string[]): Promise<void> {
  if (!kubeconfig || !management || !namespace || !clusters || !lease) throw new Error("usage: takeover-standby.ts <kubeconfig> <management> <namespace> <clusters> <lease name>");
  const loaded = await loadKubeconfig([kubeconfig], []);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const handles = loaded.clusters;
  const managementHandle = handles.find((h) => h.name === management);
  if (!managementHandle) throw new Error(`no cluster ${management} in ${kubeconfig}`);
  const fleet = startFleetService({ ...parseEnv({}, "/nowhere"), kubeconfigPaths: [kubeconfig], managementCluster: management, listTimeoutMs: 120_000, flushIntervalMs: 100 }, () => undefined);
  await waitForSnapshot(fleet.snapshots, "synced clusters with addressed gateways", gatewaysReady(namespace, Number(clusters)), 20 * 60_000);
  const elector = startLeaderElection({ lease: createLeaseClient(managementHandle, { namespace: "default", name: lease }, 5_000), identity: "bench-standby" });
  elector.onChange((leads) => leads && console.log(`standby leads ${Date.now()}`));
  let wrote = false;
  const mark = <T>(outcome: T): T => {
    if (!wrote) console.log(`standby wrote ${Date.now()}`);
    wrote = true;
    return outcome;
  };
  const writers = new Map(handles.flatMap((h) => {
    const w = createClusterWriter(h, { timeoutMs: 30_000 });
    return w ? [[h.name, { apply: async (o, l, how) => mark(await w.apply(o, l, how)), delete: async (r, p) => mark(await w.delete(r, p)) } satisfies ClusterWriter] as const] : [];
  }));
  const host = defaultPlannerHost(() => undefined);
  const standby = startRegistryOnSource({ mode: "standalone", allowLoopbackGatewayAddresses: true, source: fromFleetSource(fleet.snapshots), host, writerFor: (c) => writers.get(c), leader: elector, managementCluster: management, freeze: false });
  await standby.reconcileNow();
  console.log("standby ready");
  process.once("SIGTERM", () => {
    void (async () => {
      await standby.stop();
      await host.stop();
      await elector.stop({ release: true });
      fleet.stop();
      process.exit(0);
    })();
  });
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
