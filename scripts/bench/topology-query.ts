// The topology API's server time at fleet scale, in process: the synthetic fleet of the planning benchmarks
// (registry-plan-fleet.ts, shaped like the lab's `scale` scenario: C clusters × S services, 25 per namespace, one
// workspace over all of them, an east-west gateway per cluster), every Service backed by a ready EndpointSlice and
// every gateway by a ready pod, the registry's objects applied (converged), on the fleet model. Reports the first
// full-graph computation (failover states + topology), the lib/topology share alone, each query's p50/p95 between
// changes (collapsed, one cluster expanded, one namespace expanded, a rows page, a filtered rows page), response
// sizes, and the recomputation after one EndpointSlice change.
// Usage: npm run bench:topology -- [--clusters 20] [--services 1000] [--runs 200]
// `npm run bench` calls runTopologyQueryStage (the same measures, each line also a row of its table).
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import superjson from "superjson";
import { objectKey, type CachedObject, type ClusterSnapshot, type FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { fullTopology } from "@/lib/topology/full-graph";
import { topologyRowsInputSchema, type TopologyRowsInput } from "@/lib/topology/types";
import { createFleetModel } from "@/server/model/fleet-model";
import { createPlannerHost, defaultWorkerFile } from "@/server/model/planner-host";
import { failoverDataOf } from "@/server/topology/failover-data";
import { topologyGraph, topologyRows } from "@/server/topology/queries";
import { viewMemoOf } from "@/server/workspaces/view-memo";
import { coreOf } from "@/server/workspaces/workspace-slice";
import { converged, syntheticFleet } from "./registry-plan-fleet";
import { rowOf, type StageResult } from "./suite-types";

const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number);
};
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(2)} / p95 ${pct(xs, 95).toFixed(2)} / max ${pct(xs, 100).toFixed(2)} ms (n=${xs.length})`;
const sizes = (value: unknown) => {
  const json = JSON.stringify(superjson.serialize(value));
  return `${(json.length / 1024).toFixed(1)} KiB JSON, ${(gzipSync(json).length / 1024).toFixed(1)} KiB gzip`;
};

/** One ready endpoint per Service (the EndpointSlice controller's slice) and a ready pod behind the gateway. */
function withEndpoints(cluster: ClusterSnapshot, ready: (service: string) => boolean = () => true): ClusterSnapshot {
  const slices = new Map<string, CachedObject>();
  for (const svc of cluster.objects.Service.values()) {
    const { name, namespace } = svc.metadata;
    if (name === "eastwest-gateway") continue;
    const slice = { apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice", metadata: { name: `${name}-abcde`, namespace, labels: { "kubernetes.io/service-name": name ?? "" } }, endpoints: [{ addresses: ["10.244.0.10"], conditions: { ready: ready(name ?? "") } }] } as CachedObject;
    slices.set(objectKey(slice.metadata), slice);
  }
  const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "eastwest-gateway-0", namespace: "ns-001", labels: { app: "eastwest-gateway" } }, status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }] } } as CachedObject;
  return { ...cluster, objects: { ...cluster.objects, EndpointSlice: slices, Pod: new Map([[objectKey(pod.metadata), pod]]) } };
}

export type TopologyQueryOptions = { clusters: number; services: number; runs: number };

export async function runTopologyQueryStage({ clusters: C, services: S, runs }: TopologyQueryOptions): Promise<StageResult> {
  // The cluster and namespace the expanded queries open, and whose one Service goes unready at the end.
  const PICK = `c${String(Math.min(5, C)).padStart(2, "0")}`;
  const NS = `ns-${String(Math.min(3, Math.ceil(S / 25))).padStart(3, "0")}`;
  const lines: string[] = [];
  const log = (line: string) => (lines.push(line), console.log(line));
  let snapshot: FleetSnapshot = { ...syntheticFleet(C, S), clusters: syntheticFleet(C, S).clusters.map((c) => withEndpoints(c)) };
  const listeners = new Set<() => void>();
  const publish = (next: FleetSnapshot) => {
    snapshot = next;
    for (const l of listeners) l();
  };
  const model = createFleetModel({
    source: { current: () => snapshot, subscribe: (l) => (listeners.add(l), () => listeners.delete(l)), managementCluster: () => "c01" },
    // The planner in its worker when built (npm run build:worker), as the console runs it; else on this thread.
    host: existsSync(defaultWorkerFile()) ? createPlannerHost() : createPlannerHost({ inProcess: true }),
    managementCluster: "c01",
    allowLoopbackGatewayAddresses: true,
    freeze: false,
  });
  let t = performance.now();
  let state = await model.settled();
  publish(converged(state.snapshot, state.registry));
  state = await model.settled();
  log(`fleet ${C} × ${S}: planned and converged in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // The failover facts and states of every workspace first (lib/failover on the model: what the workspace page
  // computes too), then the topology over them.
  const memo = viewMemoOf(model);

  /** The longest the event loop went without running a 1 ms timer while `run` ran: what a request would have waited. */
  async function longestBlock<T>(run: () => Promise<T>): Promise<{ value: T; blockMs: number }> {
    let last = performance.now();
    let blockMs = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      blockMs = Math.max(blockMs, now - last);
      last = now;
    }, 1);
    try {
      return { value: await run(), blockMs };
    } finally {
      clearInterval(timer);
    }
  }

  t = performance.now();
  const { value: parts, blockMs: firstBlock } = await longestBlock(() => Promise.all(state.adapted.input.workspaces.map(async (ws) => ({ workspace: ws.name, ...(await failoverDataOf(memo, state, coreOf(memo, state, ws))) }))));
  log(`failover facts and states (server/workspaces/failover-view.ts, lib/failover, in slices): ${(performance.now() - t).toFixed(0)} ms (${parts.reduce((n, p) => n + p.rows.length, 0)} rows); event loop blocked at most ${firstBlock.toFixed(0)} ms at a time`);
  t = performance.now();
  const first = await topologyGraph(model, { expanded: [] });
  log(`first full graph over them (lib/topology fullTopology + the collapsed view): ${(performance.now() - t).toFixed(0)} ms`);
  t = performance.now();
  const full = fullTopology({ clusters: state.adapted.input.clusters, workspaces: parts, computedAt: state.snapshot.at });
  log(`  fullTopology again, warm: ${(performance.now() - t).toFixed(0)} ms (${full.leafEdges} leaf edges)`);
  log(`  states: ${JSON.stringify(first.counts)}`);

  async function timed<T>(label: string, run: () => Promise<T>): Promise<void> {
    const ms: number[] = [];
    let last: T | undefined;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      last = await run();
      ms.push(performance.now() - start);
    }
    const shape = last && typeof last === "object" && "nodes" in last ? ` — ${(last as { nodes: unknown[] }).nodes.length} nodes, ${(last as unknown as { edges: unknown[] }).edges.length} edges` : "";
    log(`${label}: ${fmt(ms)}${shape}; ${sizes(last)}`);
  }

  const rows = (input: TopologyRowsInput) => topologyRows(model, topologyRowsInputSchema.parse(input));
  await timed("graph, collapsed", () => topologyGraph(model, { expanded: [] }));
  await timed("graph, one cluster expanded", () => topologyGraph(model, { expanded: [`cluster:${PICK}`] }));
  await timed("graph, one namespace expanded", () => topologyGraph(model, { expanded: [`cluster:${PICK}`, `ns:${PICK}/${NS}`] }));
  await timed("rows, first page (health order, 100)", () => rows({}));
  await timed("rows, filtered (cluster + search, 100)", () => rows({ cluster: PICK, search: "svc-00" }));

  // One Service's only endpoint going unready in PICK: the next query recomputes the states and the topology.
  const unready = snapshot.clusters.map((c) => (c.name === PICK ? withEndpoints(c, (name) => name !== "svc-0001") : c));
  publish({ ...snapshot, revision: snapshot.revision + 1, clusters: unready });
  state = await model.settled();
  t = performance.now();
  const { value: again, blockMs: againBlock } = await longestBlock(() => Promise.all(state.adapted.input.workspaces.map((ws) => failoverDataOf(memo, state, coreOf(memo, state, ws)))));
  const factsMs = performance.now() - t;
  t = performance.now();
  const { value: after, blockMs: graphBlock } = await longestBlock(() => topologyGraph(model, { expanded: [] }));
  log(
    `after one EndpointSlice change: failover facts and states ${factsMs.toFixed(0)} ms (${again.length} workspace; event loop blocked at most ${againBlock.toFixed(0)} ms at a time), then the graph ${(performance.now() - t).toFixed(0)} ms (event loop blocked at most ${graphBlock.toFixed(0)} ms at a time; version ${after.version === first.version ? "unchanged" : "changed"}; ${JSON.stringify(after.counts)})`,
  );
  log(`heap used: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MiB`);
  await model.stop();
  return { rows: lines.map((line) => rowOf(line, "topology in process")), figures: { lines } };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { clusters: { type: "string", default: "20" }, services: { type: "string", default: "1000" }, runs: { type: "string", default: "200" } } });
  await runTopologyQueryStage({ clusters: Number(values.clusters), services: Number(values.services), runs: Number(values.runs) });
}
