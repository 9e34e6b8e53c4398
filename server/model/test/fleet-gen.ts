// Generated fleets and random edits for the fleet model's property test. Every edit builds a new snapshot the
// way the fleet cache does: the changed cluster and kind get new objects, everything else keeps its identity
// (so the warm model's memos are exercised), and nothing is mutated (the model deep-freezes what it receives).
import { clusterOfKinds, fleetOf, type LooseObject } from "@/lib/fleet/snapshot-fixtures";
import { objectKey, type CachedObject, type ClusterSnapshot, type FleetKind, type FleetSnapshot, type ObjectMap } from "@/lib/fleet/snapshot-types";
import type { PlanResult } from "@/lib/plan/plan";

/** A small deterministic PRNG (mulberry32): a failing seed replays exactly. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(items: readonly T[]): T | undefined => items[int(items.length)] };
}

export type Random = ReturnType<typeof random>;

const NAMESPACES = ["bookinfo", "shop"];
const SERVICES = ["details", "reviews", "ratings", "cart", "pay"];
export const CLUSTERS = ["west", "east", "north"];

const service = (name: string, namespace: string, port = 9080): LooseObject => ({ metadata: { name, namespace }, spec: { selector: { app: name }, ports: [{ name: "http", port }] } });
const gatewayService = (cluster: number, host: number): LooseObject => ({
  metadata: { name: "eastwest-gateway", namespace: "bookinfo" },
  spec: { type: "LoadBalancer", selector: { app: "eastwest-gateway" }, ports: [{ name: "tls", port: 15443 }] },
  status: { loadBalancer: { ingress: [{ ip: `10.${cluster}.0.${host}` }] } },
});
const ingressGateway: LooseObject = { metadata: { name: "eastwest-gateway", namespace: "bookinfo" }, spec: { eastWestOnly: true } };
const setting = (exposed: readonly string[] | undefined): LooseObject => ({
  metadata: { name: "ws-setting", namespace: "bookinfo" },
  spec: { workspace: "ws", defaultEastWestGatewaySettings: { workloadSelector: { app: "eastwest-gateway" }, ...(exposed ? { exposedServices: exposed } : {}) } },
});
const fqdn = (name: string, ns: string) => `${name}.${ns}.svc.cluster.local`;

export function generateFleet(r: Random): FleetSnapshot {
  const clusters = CLUSTERS.map((name, i) => {
    const services = NAMESPACES.flatMap((ns) => SERVICES.filter(() => r.next() < 0.6).map((s) => service(s, ns)));
    const byKind: Partial<Record<FleetKind, LooseObject[]>> = {
      Namespace: ["xcp-multicluster", ...NAMESPACES].map((n) => ({ metadata: { name: n } })),
      Service: [...services, ...(r.next() < 0.8 ? [gatewayService(i, 1)] : [])],
      IngressGateway: r.next() < 0.8 ? [ingressGateway] : [],
    };
    if (i === 0) {
      byKind.Workspace = [{ metadata: { name: "ws", namespace: "bookinfo" }, spec: { namespaceSelector: { names: NAMESPACES.map((n) => `*/${n}`) } } }];
      byKind.WorkspaceSetting = [setting(r.next() < 0.5 ? undefined : [fqdn("details", "bookinfo"), fqdn("cart", "shop")])];
    }
    return clusterOfKinds(name, byKind, { management: i === 0 });
  });
  return fleetOf(clusters, "west");
}

function withKind(snapshot: FleetSnapshot, index: number, kind: FleetKind, change: (map: Map<string, CachedObject>) => void, extra: Partial<ClusterSnapshot> = {}): FleetSnapshot {
  const clusters = snapshot.clusters.map((c, i) => {
    if (i !== index) return c;
    const map = new Map(c.objects[kind]);
    change(map);
    return { ...c, ...extra, objects: { ...c.objects, [kind]: map as ObjectMap } };
  });
  return { ...snapshot, revision: snapshot.revision + 1, clusters };
}

const stamp = (kind: FleetKind, o: LooseObject): CachedObject => ({ apiVersion: "v1", ...o, kind, metadata: { ...o.metadata, name: o.metadata?.name ?? "" } }) as CachedObject;
const put = (map: Map<string, CachedObject>, o: CachedObject) => map.set(objectKey(o.metadata), o);

type Edit = (s: FleetSnapshot, r: Random, plan: PlanResult | undefined) => FleetSnapshot;

const EDITS: Record<string, Edit> = {
  addService: (s, r) => withKind(s, r.int(s.clusters.length), "Service", (m) => put(m, stamp("Service", service(r.pick(SERVICES) ?? "x", r.pick(NAMESPACES) ?? "bookinfo")))),
  removeService: (s, r) => withKind(s, r.int(s.clusters.length), "Service", (m) => m.delete(r.pick([...m.keys()].filter((k) => !k.endsWith("eastwest-gateway"))) ?? "")),
  changePort: (s, r) => withKind(s, r.int(s.clusters.length), "Service", (m) => put(m, stamp("Service", service(r.pick(SERVICES) ?? "x", "bookinfo", 9000 + r.int(3))))),
  gatewayAddress: (s, r) => {
    const i = r.int(s.clusters.length);
    return withKind(s, i, "Service", (m) => put(m, stamp("Service", gatewayService(i, 1 + r.int(3)))));
  },
  toggleGateway: (s, r) => withKind(s, r.int(s.clusters.length), "IngressGateway", (m) => (m.size > 0 ? m.clear() : put(m, stamp("IngressGateway", ingressGateway)))),
  exposure: (s, r) => withKind(s, 0, "WorkspaceSetting", (m) => put(m, stamp("WorkspaceSetting", setting(r.next() < 0.3 ? undefined : SERVICES.filter(() => r.next() < 0.5).map((n) => fqdn(n, r.pick(NAMESPACES) ?? "bookinfo")))))),
  staleness: (s, r) => {
    const i = r.int(s.clusters.length);
    const c = s.clusters[i];
    return { ...s, revision: s.revision + 1, clusters: s.clusters.map((x, j) => (j === i && c ? { ...c, state: c.state === "synced" ? "stale" : "synced" } : x)) };
  },
  probe: (s, r) => ({ ...s, revision: s.revision + 1, clusters: s.clusters.map((c) => ({ ...c, latencyMs: r.int(100) })) }),
  userRule: (s, r) =>
    withKind(s, r.int(s.clusters.length), "DestinationRule", (m) =>
      put(m, stamp("DestinationRule", { metadata: { name: `user-${r.int(3)}`, namespace: "bookinfo" }, spec: { host: r.pick(SERVICES), trafficPolicy: r.next() < 0.5 ? { outlierDetection: { consecutive5xxErrors: 3 } } : {} } })),
    ),
  /** The registry's writes landing: part of the current plan's objects appear in one cluster, as the API returns them. */
  echo: (s, r, plan) => {
    const i = r.int(s.clusters.length);
    const name = s.clusters[i]?.name ?? "";
    const planned = (plan?.clusters[name] ?? []).filter(() => r.next() < 0.7);
    let out = s;
    for (const kind of ["ServiceEntry", "WorkloadEntry", "DestinationRule", "Gateway"] as const) {
      const objects = planned.filter((o) => o.kind === kind);
      if (objects.length === 0) continue;
      out = withKind(out, i, kind, (m) => {
        for (const o of objects) put(m, { apiVersion: o.apiVersion, kind, metadata: { ...o.metadata, uid: `u-${r.int(1e6)}`, resourceVersion: String(r.int(1e6)), managedFields: [{ manager: "eastwest-registry", operation: "Apply" }] }, spec: o.spec });
      });
    }
    return out;
  },
  /** Someone deletes a generated object by hand. */
  deleteGenerated: (s, r) => withKind(s, r.int(s.clusters.length), "WorkloadEntry", (m) => m.delete(r.pick([...m.keys()]) ?? "")),
};

export const EDIT_NAMES = Object.keys(EDITS);

export function applyEdit(name: string, snapshot: FleetSnapshot, r: Random, plan: PlanResult | undefined): FleetSnapshot {
  const edit = EDITS[name];
  if (!edit) throw new Error(`no edit ${name}`);
  return edit(snapshot, r, plan);
}

/** A Service no generated fleet has (`name` distinct), in bookinfo of cluster `index`: always a new planner input. */
export function withNewService(snapshot: FleetSnapshot, index: number, name: string): FleetSnapshot {
  return withKind(snapshot, index, "Service", (m) => put(m, stamp("Service", service(name, "bookinfo"))));
}
