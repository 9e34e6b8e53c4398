// The synthetic converged fleet of the planning benchmarks (registry-plan-fleet.ts) fed through a real fleet cache
// (fake informers) with the fleet model on top (its planner in the worker when built): what bench:model churns and
// bench:previews asks previews of, without a lab or HTTP in the way, so the figures are the console's own work.
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { CachedObject, FleetKind } from "@/lib/fleet/snapshot-types";
import type { InformerSink } from "@/server/kube/informer";
import type { ClusterHandle } from "@/server/kube/kubeconfig";
import { createFleetCache } from "@/server/fleet/snapshot";
import { createFleetModel } from "@/server/model/fleet-model";
import { createPlannerHost, defaultWorkerFile, type PlannerHostOptions } from "@/server/model/planner-host";
import type { ModelState } from "@/server/model/types";
import { converged, syntheticFleet } from "./registry-plan-fleet";

export type SyntheticModel = Awaited<ReturnType<typeof startSyntheticModel>>;

export async function startSyntheticModel(options: { clusters: number; services: number; observe?: PlannerHostOptions["observe"]; onSync?: (ms: number) => void }) {
  const sinks = new Map<string, InformerSink>();
  const cache = createFleetCache({
    startInformer: (handle, kind, sink) => {
      sinks.set(`${handle.name}/${kind}`, sink);
      return { stop: () => undefined, done: Promise.resolve() };
    },
    now: () => new Date(),
    flushIntervalMs: 100,
  });
  const initial = syntheticFleet(options.clusters, options.services);
  cache.reset(
    initial.clusters.map((c) => ({ name: c.name, server: `https://${c.name}`, kubeConfig: {} as NonNullable<ClusterHandle["kubeConfig"]> })),
    initial.managementCluster,
  );
  const sink = (cluster: string, kind: FleetKind) => sinks.get(`${cluster}/${kind}`) as InformerSink;
  for (const c of initial.clusters) {
    for (const [kind, map] of Object.entries(c.objects) as Array<[FleetKind, ReadonlyMap<string, CachedObject>]>) {
      const s = sinks.get(`${c.name}/${kind}`);
      s?.replace([...map.values()]);
      s?.healthy();
    }
  }
  cache.flush();
  const source = {
    current: () => cache.current(),
    managementCluster: () => initial.managementCluster ?? undefined,
    subscribe: (listener: () => void) =>
      cache.subscribe(() => {
        const t = performance.now();
        listener();
        options.onSync?.(performance.now() - t);
      }),
  };
  const worker = existsSync(defaultWorkerFile());
  const host = createPlannerHost(worker ? (options.observe ? { observe: options.observe } : {}) : { inProcess: true });
  const started = performance.now();
  const model = createFleetModel({ source, host, managementCluster: "c01", allowLoopbackGatewayAddresses: true, freeze: false, log: (l) => console.log(`  ${l}`) });
  let state: ModelState = await model.settled();
  const plannedMs = performance.now() - started;
  // Converge: every planned object as the API server would return it, through the informers' lists.
  const target = converged(state.snapshot, state.registry);
  const generated: CachedObject[][] = [];
  for (const c of target.clusters) {
    const mine: CachedObject[] = [];
    for (const kind of ["ServiceEntry", "WorkloadEntry", "DestinationRule", "Gateway"] as const) {
      const objects = [...c.objects[kind].values()];
      sink(c.name, kind).replace(objects);
      mine.push(...objects);
    }
    generated.push(mine);
  }
  cache.flush();
  state = await model.settled();
  return {
    cache,
    model,
    host,
    sink,
    worker,
    plannedMs,
    /** The generated objects per cluster, in target.clusters order (what churn rewrites). */
    generated,
    clusterNames: target.clusters.map((c) => c.name),
    state: () => model.settled(),
    async stop() {
      await model.stop();
      await host.stop();
      cache.stop();
    },
  };
}
