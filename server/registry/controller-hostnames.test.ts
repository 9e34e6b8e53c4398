// The controller with a DNS-named gateway: its model plans nothing before the name was looked up (else every
// console start would withdraw its endpoints until DNS answered), then it publishes one shadow WorkloadEntry per
// resolved IP, and re-plans when the answer changes.
import { describe, expect, it, vi } from "vitest";
import { clusterOfKinds, fleetOf, type LooseObject } from "@/lib/fleet/snapshot-fixtures";
import type { FleetKind } from "@/lib/fleet/snapshot-types";
import type { SnapshotObject } from "@/lib/registry/raw-object";
import type { RegistryCondition } from "@/lib/registry/types";
import type { ClusterWriter } from "@/server/kube/writer";
import { startRegistryOnSource } from "./model-registry";
import type { HostnameFeed } from "./hostname-resolver";

const svc = (name: string, ingress?: Array<{ ip?: string; hostname?: string }>): SnapshotObject => ({
  metadata: { name, namespace: "bookinfo" },
  spec: { selector: { app: name }, ports: [{ name: name === "eastwest-gateway" ? "tls" : "http", port: name === "eastwest-gateway" ? 15443 : 9080 }] },
  ...(ingress ? { status: { loadBalancer: { ingress } } } : {}),
});
const cluster = (name: string, ingress: Array<{ ip?: string; hostname?: string }>, extra: Partial<Record<FleetKind, readonly LooseObject[]>> = {}) =>
  clusterOfKinds(name, {
    Namespace: [{ metadata: { name: "bookinfo" } }, { metadata: { name: "xcp-multicluster" } }],
    Service: [svc("details"), svc("eastwest-gateway", ingress)],
    IngressGateway: [{ metadata: { name: "eastwest-gateway", namespace: "bookinfo" }, spec: { eastWestOnly: true } }],
    ServiceEntry: [],
    WorkloadEntry: [],
    DestinationRule: [],
    Gateway: [],
    ...extra,
  });
const snapshot = fleetOf([

    cluster("west", [{ ip: "10.0.0.1" }], {
      Workspace: [{ metadata: { name: "ws", namespace: "bookinfo" }, spec: { namespaceSelector: { names: ["*/bookinfo"] } } }],
      WorkspaceSetting: [{ metadata: { name: "s", namespace: "bookinfo" }, spec: { workspace: "ws", defaultEastWestGatewaySettings: { workloadSelector: { app: "eastwest-gateway" } } } }],
    }),
    cluster("east", [{ hostname: "east-lb.example.com" }]),
]);

function fakeFeed() {
  const listeners = new Set<() => void>();
  const state = { ready: false, resolved: {} as Record<string, string[]>, conditions: [] as RegistryCondition[] };
  const feed: HostnameFeed = {
    resolved: () => state.resolved,
    ready: () => state.ready,
    conditions: () => state.conditions,
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
  };
  const answer = (resolved: Record<string, string[]>) => {
    Object.assign(state, { ready: true, resolved });
    for (const l of listeners) l();
  };
  return { feed, answer };
}

function recordingWriter(applied: string[]): ClusterWriter {
  return {
    apply: async (o) => (applied.push(`${o.kind} ${o.metadata.name} ${typeof o.spec.address === "string" ? o.spec.address : ""}`.trim()), { ok: true }),
    delete: async () => ({ ok: true }),
  };
}

describe("registry with DNS-named gateways", () => {
  it("waits for the first answer, then publishes one shadow WorkloadEntry per resolved IP", async () => {
    const applied: Record<string, string[]> = { west: [], east: [] };
    const { feed, answer } = fakeFeed();
    const registry = startRegistryOnSource({ mode: "standalone", source: { current: () => snapshot, subscribe: () => () => undefined }, writerFor: (c) => recordingWriter(applied[c] ?? []), managementCluster: "west", hostnames: feed, coalesceMs: 0 });
    try {
      // "Reconcile now" waits for the model, which waits for the first DNS answer.
      const reconciled = registry.reconcileNow();
      // Every promise already due has run once the event loop gets here (the planner runs on this thread here).
      await new Promise((resolve) => setImmediate(resolve));
      // Nothing planned, not even what comes from west: planning before the lookup would read east's gateway as address-less.
      expect(registry.model.current()).toBeUndefined();
      expect(applied).toEqual({ west: [], east: [] });
      answer({ "east-lb.example.com": ["10.0.9.2", "10.0.9.1"] });
      await reconciled;
      await vi.waitFor(() => expect((applied.west ?? []).filter((a) => a.startsWith("WorkloadEntry")).map((a) => a.split(" ")[2])).toEqual(["10.0.9.1", "10.0.9.2"]));
      expect(registry.status().conditions.filter((c) => c.reason === "UnresolvedGatewayHostname")).toEqual([]);
    } finally {
      await registry.stop();
    }
  });

  it("flags a name that does not resolve, with the resolver's reason, and publishes nothing from it", async () => {
    const applied: Record<string, string[]> = { west: [], east: [] };
    const { feed, answer } = fakeFeed();
    const registry = startRegistryOnSource({ mode: "standalone", source: { current: () => snapshot, subscribe: () => () => undefined }, writerFor: (c) => recordingWriter(applied[c] ?? []), managementCluster: "west", hostnames: feed, coalesceMs: 0 });
    try {
      const flagged: RegistryCondition = { severity: "error", reason: "GatewayHostnameUnresolved", subject: "east-lb.example.com", message: "gateway address east-lb.example.com does not resolve (ENOTFOUND)" };
      feed.conditions = () => [flagged];
      answer({});
      await registry.reconcileNow();
      const reasons = registry.status().conditions.map((c) => `${c.reason} ${c.subject ?? ""}`);
      expect(reasons).toEqual(expect.arrayContaining(["GatewayHostnameUnresolved east-lb.example.com", "UnresolvedGatewayHostname IngressGateway bookinfo/eastwest-gateway"]));
      expect((applied.west ?? []).filter((a) => a.startsWith("WorkloadEntry"))).toEqual([]);
    } finally {
      await registry.stop();
    }
  });
});
