// Planning cost without a lab: a synthetic fleet shaped like the lab's `scale` scenario (C clusters × S services,
// one workspace exposing everything, an east-west gateway with three addresses per cluster), digested by the
// registry's computeFleetState cold, then after one new Service in one cluster (the latency benchmark's change),
// then with that change's remote writes coming back through the cache, then with nothing changed.
// Usage: npx tsx scripts/bench/registry-plan.ts [--clusters 20] [--services 50]
import { parseArgs } from "node:util";
import { CONTENT_HASH_ANNOTATION } from "@/lib/plan/desired";
import { clusterOfKinds, fleetOf, type LooseObject } from "@/lib/fleet/snapshot-fixtures";
import { objectKey, type CachedObject, type ClusterSnapshot, type FleetKind, type FleetSnapshot, type ObjectMap } from "@/lib/fleet/snapshot-types";
import { computeFleetState, type FleetState } from "@/server/registry/fleet-state";

const { values } = parseArgs({ options: { clusters: { type: "string", default: "20" }, services: { type: "string", default: "50" }, rounds: { type: "string", default: "5" } } });
const C = Number(values.clusters);
const S = Number(values.services);
const pad = (n: number, w: number) => String(n).padStart(w, "0");
const nsOf = (s: number) => `ns-${pad(Math.floor(s / 25) + 1, 3)}`;

const service = (name: string, namespace: string): CachedObject => ({
  apiVersion: "v1",
  kind: "Service",
  metadata: { name, namespace, labels: { app: name } },
  spec: { selector: { app: name }, ports: [{ name: "http", port: 8080, protocol: "TCP" }] },
});

function cluster(i: number): ClusterSnapshot {
  const name = `c${pad(i + 1, 2)}`;
  const namespaces = [...new Set(Array.from({ length: S }, (_, s) => nsOf(s)))];
  const gwSvc: LooseObject = {
    metadata: { name: "eastwest-gateway", namespace: "ns-001" },
    spec: { type: "LoadBalancer", selector: { app: "eastwest-gateway" }, ports: [{ name: "tls", port: 15443, protocol: "TCP" }] },
    status: { loadBalancer: { ingress: [1, 2, 3].map((h) => ({ ip: `127.${i + 1}.0.${h}` })) } },
  };
  const objects: Partial<Record<FleetKind, LooseObject[]>> = {
    Namespace: ["xcp-multicluster", ...namespaces].map((n) => ({ metadata: { name: n } })),
    Service: [...Array.from({ length: S }, (_, s) => service(`svc-${pad(s + 1, 4)}`, nsOf(s))), gwSvc],
    IngressGateway: [{ metadata: { name: "eastwest-gateway", namespace: "ns-001" }, spec: { eastWestOnly: true } }],
    DestinationRule: [],
    ServiceEntry: [],
    WorkloadEntry: [],
    Gateway: [],
  };
  if (i === 0) {
    objects.Workspace = [{ metadata: { name: "scale-ws", namespace: "ns-001" }, spec: { namespaceSelector: { names: ["*/ns-*"] } } }];
    objects.WorkspaceSetting = [{ metadata: { name: "scale-ws-setting", namespace: "ns-001" }, spec: { workspace: "scale-ws", defaultEastWestGatewaySettings: { workloadSelector: { app: "eastwest-gateway" } } } }];
  }
  return clusterOfKinds(name, objects, { management: i === 0 });
}

function withNewService(snapshot: FleetSnapshot, n: number): FleetSnapshot {
  const [first, second, ...rest] = snapshot.clusters;
  if (!first || !second) throw new Error("need 2 clusters");
  const added = service(`bench-${n}`, "ns-001");
  const services = new Map(second.objects.Service).set(objectKey(added.metadata), added);
  return { ...snapshot, revision: snapshot.revision + 1, clusters: [first, { ...second, objects: { ...second.objects, Service: services } }, ...rest] };
}

const GENERATED_KINDS = ["ServiceEntry", "WorkloadEntry", "DestinationRule", "Gateway"] as const;
// What the API server records for the registry's server-side apply: the field-manager part of its ownership proof.
const APPLIED_BY_REGISTRY = [{ manager: "eastwest-registry", operation: "Apply" }];

/** The snapshot as it looks once every planned object was applied (as the API would return it). */
function converged(snapshot: FleetSnapshot, planned: FleetState): FleetSnapshot {
  let rv = 0;
  return {
    ...snapshot,
    revision: snapshot.revision + 1,
    clusters: snapshot.clusters.map((c) => {
      const objects: Record<FleetKind, ObjectMap> = { ...c.objects };
      for (const kind of GENERATED_KINDS) {
        const applied = (planned.plan.clusters[c.name] ?? []).filter((o) => o.kind === kind);
        const live = applied.map((o): CachedObject => ({ apiVersion: o.apiVersion, kind, metadata: { ...o.metadata, uid: `u${++rv}`, resourceVersion: String(rv), managedFields: APPLIED_BY_REGISTRY }, spec: JSON.parse(JSON.stringify(o.spec)) as unknown }));
        objects[kind] = new Map(live.map((o) => [objectKey(o.metadata), o]));
      }
      return { ...c, objects };
    }),
  };
}

/** The registry's writes for a change coming back through the cache: each cluster's missing or changed planned objects. */
function echoed(snapshot: FleetSnapshot, planned: FleetState, round: number): FleetSnapshot {
  const hash = (o: { metadata?: { annotations?: Readonly<Record<string, string>> } }) => o.metadata?.annotations?.[CONTENT_HASH_ANNOTATION];
  return {
    ...snapshot,
    revision: snapshot.revision + 1,
    clusters: snapshot.clusters.map((c) => {
      const objects: Record<FleetKind, ObjectMap> = { ...c.objects };
      for (const kind of GENERATED_KINDS) {
        const live = new Map(objects[kind]);
        const written = (planned.plan.clusters[c.name] ?? []).filter((o) => o.kind === kind && hash(live.get(objectKey(o.metadata)) ?? {}) !== hash(o));
        if (written.length === 0) continue;
        for (const [i, o] of written.entries()) live.set(objectKey(o.metadata), { apiVersion: o.apiVersion, kind, metadata: { ...o.metadata, uid: `e${round}-${i}`, resourceVersion: `e${round}-${i}`, managedFields: APPLIED_BY_REGISTRY }, spec: o.spec });
        objects[kind] = live;
      }
      return { ...c, objects };
    }),
  };
}

const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const out = fn();
  return [out, performance.now() - t];
};

let snapshot: FleetSnapshot = fleetOf(Array.from({ length: C }, (_, i) => cluster(i)), "c01");
// The generated gateways have lab (127.x) addresses: the lab's setting lets the planner publish them.
const options = { managementCluster: "c01", allowLoopbackGatewayAddresses: true };
const [initial, cold] = time(() => computeFleetState(snapshot, options));
let state = initial;
const objects = Object.values(state.plan.clusters).reduce((n, c) => n + c.length, 0);
console.log(`fleet ${C} × ${S}: ${objects} objects planned; cold ${cold.toFixed(0)} ms`);
snapshot = converged(snapshot, state);
const [, applied] = time(() => computeFleetState(snapshot, options, state));
console.log(`every planned object observed: ${applied.toFixed(0)} ms`);
const changes: number[] = [];
const echoes: number[] = [];
for (let r = 0; r < Number(values.rounds); r++) {
  snapshot = withNewService(snapshot, r);
  let ms: number;
  [state, ms] = time((): FleetState => computeFleetState(snapshot, options, state));
  changes.push(ms);
  snapshot = echoed(snapshot, state, r);
  [state, ms] = time((): FleetState => computeFleetState(snapshot, options, state));
  echoes.push(ms);
}
console.log(`one new service: ${changes.map((m) => m.toFixed(0)).join(", ")} ms`);
console.log(`its ${C - 1} remote writes coming back: ${echoes.map((m) => m.toFixed(0)).join(", ")} ms (${state.actions.size} clusters with actions left)`);
const [, same] = time(() => computeFleetState({ ...snapshot, clusters: [...snapshot.clusters] }, options, state));
console.log(`nothing changed (new snapshot object): ${same.toFixed(0)} ms`);
