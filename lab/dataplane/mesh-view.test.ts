import { afterEach, describe, expect, it } from "vitest";
import { createClusterStore } from "../apiserver/store";
import { createTypeRegistry } from "../apiserver/types-registry";
import type { ClusterStore } from "../apiserver/types";
import { createAddressPlan } from "./address-plan";
import { createMeshView, type FlushableMeshView } from "./mesh-view";
import {
  applyAll, destinationRule, endpointSlice, namespaces, node, pod, service, serviceEntry, workloadEntry,
} from "./mesh-test-fixtures";
import { ISTIO_DEFAULT_OUTLIER } from "./outlier-policy";
import type { ClusterDataPlaneContext, MeshEndpoint, Resolution } from "./types";

const types = createTypeRegistry();
const plan = createAddressPlan(200, 3);
const FQDN = "details.bookinfo.svc.cluster.local";
const EAST = { network: "east", locality: "lab-east/lab-east-a" };
const NORTH = { network: "north", locality: "lab-north/lab-north-a" };

let views: FlushableMeshView[] = [];
afterEach(() => {
  for (const v of views) v.stop();
  views = [];
});

function westStore(): ClusterStore {
  const store = createClusterStore("west", types);
  applyAll(store, [...namespaces("istio-system", "bookinfo", "xcp-multicluster"), node("west-node-1", "lab-west", "lab-west-a")]);
  return store;
}

function view(store: ClusterStore, debounceMs?: number): FlushableMeshView {
  const ctx = { cluster: "west", clusterIndex: 1, addresses: plan, store } as unknown as ClusterDataPlaneContext;
  const v = createMeshView(ctx, { debounceMs });
  views.push(v);
  return v;
}

function ok(r: Resolution): Extract<Resolution, { ok: true }> {
  if (!r.ok) throw new Error(`not resolved: ${r.reason}`);
  return r;
}

const sources = (groups: MeshEndpoint[][]): string[][] => groups.map((g) => g.map((e) => e.source));

function bookinfoDetails(store: ClusterStore): void {
  applyAll(store, [
    service("details"),
    pod("details-v1-a", { app: "details" }),
    pod("details-v1-b", { app: "details", "istio-locality": "lab-west.lab-west-b" }),
    endpointSlice("details", [
      { ip: "10.244.0.5", pod: "details-v1-a", nodeName: "west-node-1" },
      { ip: "10.244.0.6", pod: "details-v1-b", nodeName: "west-node-1" },
      { ip: "10.244.0.7", pod: "details-v1-c", ready: false, nodeName: "west-node-1" },
    ]),
    workloadEntry("k-details-e-1", "details", { ...EAST, address: "127.200.170.1" }),
    workloadEntry("k-details-n-1", "details", { ...NORTH, address: "127.200.0.9" }),
    workloadEntry("k-other", "details", { ...EAST, address: "127.200.170.2", labels: { app: "ratings" } }),
  ]);
}

describe("mesh view: a local Service", () => {
  it("resolves every form of the name to ready local pods first, then selected WorkloadEntries by proximity", () => {
    const store = westStore();
    bookinfoDetails(store);
    const v = view(store);
    for (const host of ["details.bookinfo", "details.bookinfo.svc", FQDN]) {
      const r = ok(v.resolve(host, 9080));
      expect(r.host).toBe(FQDN);
      // Pod b carries its own istio-locality (zone b): same region, other zone, so after pod a but before entries.
      expect(sources(r.priorities)).toEqual([
        ["Pod bookinfo/details-v1-a"],
        ["Pod bookinfo/details-v1-b"],
        ["WorkloadEntry bookinfo/k-details-e-1", "WorkloadEntry bookinfo/k-details-n-1"],
      ]);
      expect(r.outlier).toEqual(ISTIO_DEFAULT_OUTLIER);
    }
    const [local] = ok(v.resolve(FQDN, 9080)).priorities[0] ?? [];
    expect(local).toEqual({
      address: plan.podAddress(1, "10.244.0.5"), port: 9080, kind: "pod", source: "Pod bookinfo/details-v1-a",
      network: "west", locality: { region: "lab-west", zone: "lab-west-a", subzone: "" },
    });
    const remote = ok(v.resolve(FQDN, 9080)).priorities[2]?.[0];
    expect(remote).toMatchObject({ address: "127.200.170.1", port: 15443, network: "east", sni: "outbound_.9080_._.details.bookinfo.svc.cluster.local" });
    expect(v.localEndpoints(FQDN, 9080).map((e) => e.source)).toEqual(["Pod bookinfo/details-v1-a", "Pod bookinfo/details-v1-b"]);
  });

  it("answers no-route for a port the Service lacks, and unknown-host for a name nothing declares", () => {
    const store = westStore();
    bookinfoDetails(store);
    const v = view(store);
    expect(v.resolve(FQDN, 9090)).toEqual({ ok: false, reason: "no-route", host: FQDN, port: 9090 });
    expect(v.resolve("ratings.bookinfo", 9080)).toEqual({ ok: false, reason: "unknown-host", host: "ratings.bookinfo.svc.cluster.local" });
    expect(v.localEndpoints("ratings.bookinfo.svc.cluster.local", 9080)).toEqual([]);
  });

  it("keeps a health-checked WorkloadEntry out until its Healthy condition is True", () => {
    const store = westStore();
    applyAll(store, [service("details"), workloadEntry("we-hc", "details", { ...EAST, address: "127.200.170.1", annotations: { "proxy.istio.io/health-checks-enabled": "true" } })]);
    const v = view(store);
    expect(ok(v.resolve(FQDN, 9080)).priorities).toEqual([]);
    const weType = types.byKind("networking.istio.io", "WorkloadEntry");
    if (!weType) throw new Error("no WorkloadEntry kind");
    const we = store.get(weType, "bookinfo", "we-hc");
    if (!we) throw new Error("no entry");
    store.update(weType, { ...we, status: { conditions: [{ type: "Healthy", status: "True" }] } }, { subresource: "status" });
    v.flush();
    expect(sources(ok(v.resolve(FQDN, 9080)).priorities)).toEqual([["WorkloadEntry bookinfo/we-hc"]]);
  });

  it("takes the outlier policy and failover priority from the DestinationRule", () => {
    const store = westStore();
    bookinfoDetails(store);
    const rule = destinationRule("details-failover", "details", { consecutiveGatewayErrors: 10, maxEjectionPercent: 100 });
    (rule.spec as { trafficPolicy: { loadBalancer: unknown } }).trafficPolicy.loadBalancer = {
      localityLbSetting: { enabled: true, failoverPriority: ["topology.istio.io/network"] },
    };
    applyAll(store, [rule]);
    const r = ok(view(store).resolve(FQDN, 9080));
    expect(r.outlier).toEqual({ ...ISTIO_DEFAULT_OUTLIER, consecutiveGatewayErrors: 10, maxEjectionPercent: 100 });
    // By network only: both local pods share one priority whatever their zones.
    expect(sources(r.priorities)).toEqual([
      ["Pod bookinfo/details-v1-a", "Pod bookinfo/details-v1-b"],
      ["WorkloadEntry bookinfo/k-details-e-1", "WorkloadEntry bookinfo/k-details-n-1"],
    ]);
  });
  it("follows a WorkloadEntry's labels: relabelled away from the selector, it leaves the Service's endpoints", () => {
    const store = westStore();
    bookinfoDetails(store);
    const v = view(store);
    const weType = types.byKind("networking.istio.io", "WorkloadEntry");
    const we = weType && store.get(weType, "bookinfo", "k-details-e-1");
    if (!weType || !we) throw new Error("no entry");
    store.update(weType, { ...we, spec: { ...(we.spec as object), labels: { app: "ratings" } } });
    v.flush();
    expect(ok(v.resolve(FQDN, 9080)).priorities.flat().map((e) => e.source)).not.toContain("WorkloadEntry bookinfo/k-details-e-1");
    applyAll(store, [service("ratings")]);
    v.flush();
    expect(sources(ok(v.resolve("ratings.bookinfo", 9080)).priorities)).toEqual([["WorkloadEntry bookinfo/k-details-e-1", "WorkloadEntry bookinfo/k-other"]]);
  });
});

describe("mesh view: ServiceEntries and propagation", () => {
  it("resolves a ServiceEntry host in a cluster without the Service, with SNI for the gateways", () => {
    const store = westStore();
    applyAll(store, [serviceEntry("reviews.bookinfo.svc.cluster.local", [{ ...EAST, address: "127.200.170.1" }, { ...NORTH, address: "127.200.0.9" }])]);
    const v = view(store);
    const r = ok(v.resolve("reviews.bookinfo", 9080));
    expect(r.priorities.flat().map((e) => [e.kind, e.address, e.port, e.sni])).toEqual([
      ["service-entry", "127.200.170.1", 15443, "outbound_.9080_._.reviews.bookinfo.svc.cluster.local"],
      ["service-entry", "127.200.0.9", 15443, "outbound_.9080_._.reviews.bookinfo.svc.cluster.local"],
    ]);
    expect(v.resolve("reviews.bookinfo", 8080)).toMatchObject({ ok: false, reason: "no-route" });
  });

  it("takes a ServiceEntry's endpoints from the WorkloadEntries its workloadSelector selects", () => {
    const store = westStore();
    const se = serviceEntry("api.example.com", [], 443);
    // Endpoints or a workloadSelector, never both (the Istio CRD's rule; has() is true for an empty list too).
    delete (se.spec as Record<string, unknown>).endpoints;
    (se.spec as Record<string, unknown>).workloadSelector = { labels: { app: "api" } };
    applyAll(store, [se, workloadEntry("api-1", "api", { ...EAST, address: "127.200.170.9", port: 8443 }, "xcp-multicluster")]);
    const r = ok(view(store).resolve("api.example.com", 443));
    expect(r.priorities.flat()).toEqual([expect.objectContaining({ source: "WorkloadEntry xcp-multicluster/api-1", address: "127.200.170.9", port: 8443, network: "east" })]);
  });

  it("applies changes at the debounced push, not before", async () => {
    const store = westStore();
    bookinfoDetails(store);
    const v = view(store, 20);
    expect(ok(v.resolve(FQDN, 9080)).priorities).toHaveLength(3);
    const sliceType = types.byKind("discovery.k8s.io", "EndpointSlice");
    if (!sliceType) throw new Error("no EndpointSlice kind");
    store.delete(sliceType, "bookinfo", "details-abcde");
    // Until the push the sidecar still has the pods.
    expect(ok(v.resolve(FQDN, 9080)).priorities).toHaveLength(3);
    const deadline = Date.now() + 2000;
    while (ok(v.resolve(FQDN, 9080)).priorities.length === 3 && Date.now() < deadline) await new Promise((r) => setImmediate(r));
    expect(sources(ok(v.resolve(FQDN, 9080)).priorities)).toEqual([["WorkloadEntry bookinfo/k-details-e-1", "WorkloadEntry bookinfo/k-details-n-1"]]);
  });

  it("reads the cluster's network from the istio-system namespace label", () => {
    const store = westStore();
    bookinfoDetails(store);
    const nsType = types.byKind("", "Namespace");
    const ns = nsType && store.get(nsType, undefined, "istio-system");
    if (!nsType || !ns) throw new Error("no istio-system");
    store.update(nsType, { ...ns, metadata: { ...ns.metadata, labels: { "topology.istio.io/network": "east" } } });
    const r = ok(view(store).resolve(FQDN, 9080));
    expect(r.priorities[0]?.[0]?.network).toBe("east");
    // On the same network as east's entry, that entry now ranks ahead of north's, which is on another network.
    expect(sources(r.priorities)).toEqual([
      ["Pod bookinfo/details-v1-a"],
      ["Pod bookinfo/details-v1-b"],
      ["WorkloadEntry bookinfo/k-details-e-1"],
      ["WorkloadEntry bookinfo/k-details-n-1"],
    ]);
  });
});
