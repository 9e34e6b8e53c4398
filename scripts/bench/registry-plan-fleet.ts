// The synthetic fleet of the planning benchmarks (scripts/bench/registry-plan.ts): shaped like the lab's `scale`
// scenario (C clusters × S services, one workspace exposing everything, an east-west gateway with three loopback
// addresses per cluster), and the snapshots that follow it: a new Service, the registry's writes coming back.
import { CONTENT_HASH_ANNOTATION, type DesiredObject } from "@/lib/plan/desired";
import { clusterOfKinds, fleetOf, type LooseObject } from "@/lib/fleet/snapshot-fixtures";
import { objectKey, type CachedObject, type ClusterSnapshot, type FleetKind, type FleetSnapshot, type ObjectMap } from "@/lib/fleet/snapshot-types";
import type { FleetState } from "@/server/registry/fleet-state";

const pad = (n: number, w: number) => String(n).padStart(w, "0");
const nsOf = (s: number) => `ns-${pad(Math.floor(s / 25) + 1, 3)}`;

const service = (name: string, namespace: string): CachedObject => ({
  apiVersion: "v1",
  kind: "Service",
  metadata: { name, namespace, labels: { app: name } },
  spec: { selector: { app: name }, ports: [{ name: "http", port: 8080, protocol: "TCP" }] },
});

function cluster(i: number, S: number): ClusterSnapshot {
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

export function withNewService(snapshot: FleetSnapshot, n: number): FleetSnapshot {
  const [first, second, ...rest] = snapshot.clusters;
  if (!first || !second) throw new Error("need 2 clusters");
  const added = service(`bench-${n}`, "ns-001");
  const services = new Map(second.objects.Service).set(objectKey(added.metadata), added);
  return { ...snapshot, revision: snapshot.revision + 1, clusters: [first, { ...second, objects: { ...second.objects, Service: services } }, ...rest] };
}

const GENERATED_KINDS = ["ServiceEntry", "WorkloadEntry", "DestinationRule", "Gateway"] as const;
// What the API server records for the registry's server-side apply: the field-manager part of its ownership proof.
const APPLIED_BY_REGISTRY = [{ manager: "eastwest-registry", operation: "Apply" }];

/** A planned object as the API server returns it after the registry applied it. */
function asApplied(o: DesiredObject, uid: string, resourceVersion: string, spec: unknown): CachedObject {
  return { apiVersion: o.apiVersion, kind: o.kind, metadata: { ...o.metadata, uid, resourceVersion, managedFields: APPLIED_BY_REGISTRY }, spec };
}

/** A new snapshot whose generated kinds of each cluster are what `kindObjects` returns (undefined: unchanged). */
function withGenerated(snapshot: FleetSnapshot, kindObjects: (cluster: string, kind: (typeof GENERATED_KINDS)[number], current: ObjectMap) => ObjectMap | undefined): FleetSnapshot {
  return {
    ...snapshot,
    revision: snapshot.revision + 1,
    clusters: snapshot.clusters.map((c) => {
      const objects: Record<FleetKind, ObjectMap> = { ...c.objects };
      for (const kind of GENERATED_KINDS) objects[kind] = kindObjects(c.name, kind, objects[kind]) ?? objects[kind];
      return { ...c, objects };
    }),
  };
}

/** The snapshot as it looks once every planned object was applied (as the API would return it). */
export function converged(snapshot: FleetSnapshot, planned: Pick<FleetState, "plan">): FleetSnapshot {
  let rv = 0;
  return withGenerated(snapshot, (cluster, kind) => {
    const applied = (planned.plan.clusters[cluster] ?? []).filter((o) => o.kind === kind);
    return new Map(
      applied.map((o) => {
        rv += 1;
        return [objectKey(o.metadata), asApplied(o, `u${rv}`, String(rv), JSON.parse(JSON.stringify(o.spec)) as unknown)];
      }),
    );
  });
}

/** The registry's writes for a change coming back through the cache: each cluster's missing or changed planned objects. */
export function echoed(snapshot: FleetSnapshot, planned: Pick<FleetState, "plan">, round: number): FleetSnapshot {
  const hash = (o: { metadata?: { annotations?: Readonly<Record<string, string>> } }) => o.metadata?.annotations?.[CONTENT_HASH_ANNOTATION];
  return withGenerated(snapshot, (cluster, kind, current) => {
    const written = (planned.plan.clusters[cluster] ?? []).filter((o) => o.kind === kind && hash(current.get(objectKey(o.metadata)) ?? {}) !== hash(o));
    if (written.length === 0) return undefined;
    const live = new Map(current);
    for (const [i, o] of written.entries()) live.set(objectKey(o.metadata), asApplied(o, `e${round}-${i}`, `e${round}-${i}`, o.spec));
    return live;
  });
}

/** The fleet before anything was written; c01 manages. */
export function syntheticFleet(C: number, S: number): FleetSnapshot {
  return fleetOf(Array.from({ length: C }, (_, i) => cluster(i, S)), "c01");
}

/** Only what a probe changes: every cluster's latency. */
export function probed(snapshot: FleetSnapshot, round: number): FleetSnapshot {
  return { ...snapshot, revision: snapshot.revision + 1, clusters: snapshot.clusters.map((c) => ({ ...c, latencyMs: round })) };
}
