import { describe, expect, it } from "vitest";
import { clusterSnapshot, obj } from "./snapshot-fixtures";
import { sliceFingerprint } from "./slice-fingerprint";
import type { CachedObject, ClusterSnapshot, FleetSnapshot } from "./snapshot-types";

const at = (o: CachedObject, resourceVersion: string): CachedObject => ({ ...o, metadata: { ...o.metadata, resourceVersion } });
const ns = (name: string) => at(obj("Namespace", name), "1");
const svc = (name: string, namespace: string, rv = "1") => at(obj("Service", name, { namespace, spec: { ports: [{ port: 9080 }] } }), rv);
const pod = (name: string, namespace: string, rv = "1") => at(obj("Pod", name, { namespace }), rv);
const gateway = (rv = "1") => at(obj("IngressGateway", "eastwest", { namespace: "istio-gateways" }), rv);
const node = (labels: Record<string, string>, rv = "1") => at(obj("Node", "n1", { labels }), rv);
const workspace = (name: string, names: string[], rv = "1") => at(obj("Workspace", name, { namespace: "tsb", spec: { namespaceSelector: { names } } }), rv);
const setting = (ws: string, rv = "1") => at(obj("WorkspaceSetting", `${ws}-setting`, { namespace: "tsb", spec: { workspace: ws } }), rv);

type Edit = { west?: CachedObject[]; east?: CachedObject[]; eastState?: Partial<ClusterSnapshot>; far?: CachedObject[] };

/** bookinfo-ws covers bookinfo in west and east; shop-ws covers shop in east and everything in far. */
function fleet(edit: Edit = {}): FleetSnapshot {
  const west = [ns("bookinfo"), ns("shop"), workspace("bookinfo-ws", ["*/bookinfo"]), workspace("shop-ws", ["east/shop", "far/*"]), setting("bookinfo-ws"), setting("shop-ws"), svc("details", "bookinfo")];
  const east = [ns("bookinfo"), ns("shop"), ns("istio-gateways"), svc("details", "bookinfo"), pod("details-1", "bookinfo"), svc("cart", "shop"), pod("cart-1", "shop"), gateway(), node({ zone: "a" })];
  const far = [ns("shop"), svc("cart", "shop")];
  const replace = (base: CachedObject[], extra: CachedObject[] = []) => [
    ...base.filter((o) => !extra.some((e) => e.kind === o.kind && e.metadata.name === o.metadata.name && e.metadata.namespace === o.metadata.namespace)),
    ...extra,
  ];
  return {
    revision: 1,
    at: "2026-12-04T00:00:00.000Z",
    managementCluster: "west",
    clusters: [
      clusterSnapshot("west", replace(west, edit.west), { management: true, latencyMs: 3 }),
      clusterSnapshot("east", replace(east, edit.east), { latencyMs: 4, lastSyncAt: "2026-12-04T00:00:00.000Z", ...edit.eastState }),
      clusterSnapshot("far", replace(far, edit.far)),
    ],
  };
}

const base = sliceFingerprint(fleet(), "bookinfo-ws");

describe("sliceFingerprint", () => {
  it.each<[string, Edit]>([
    ["a probe's latency and the cluster's last change time", { eastState: { latencyMs: 250, lastChangeAt: "2026-12-04T00:01:00.000Z" } }],
    ["a pod of another workspace's namespace", { east: [pod("cart-1", "shop", "2")] }],
    ["a new service in another workspace's namespace", { east: [svc("payments", "shop")] }],
    ["a cluster the workspace does not select", { far: [svc("cart", "shop", "9"), svc("orders", "shop")] }],
    ["another workspace's setting", { west: [setting("shop-ws", "2")] }],
    ["a Node heartbeat (resourceVersion only)", { east: [node({ zone: "a" }, "77")] }],
  ])("keeps the fingerprint on %s", (_, edit) => {
    expect(sliceFingerprint(fleet(edit), "bookinfo-ws")).toBe(base);
  });

  it.each<[string, Edit]>([
    ["a pod in its namespace", { east: [pod("details-1", "bookinfo", "2")] }],
    ["a new service in its namespace", { east: [svc("ratings", "bookinfo")] }],
    ["its namespace appearing in a cluster it selects", { east: [ns("bookinfo-2")], west: [workspace("bookinfo-ws", ["*/bookinfo*"])] }],
    ["the gateway", { east: [gateway("2")] }],
    ["a gateway pod", { east: [pod("eastwest-1", "istio-gateways")] }],
    ["a registry ServiceEntry", { east: [at(obj("ServiceEntry", "details", { namespace: "xcp-multicluster" }), "1")] }],
    ["its setting", { west: [setting("bookinfo-ws", "2")] }],
    ["its Workspace", { west: [workspace("bookinfo-ws", ["*/bookinfo"], "2")] }],
    ["a cluster going stale", { eastState: { state: "stale", staleSince: "2026-12-04T00:02:00.000Z" } }],
    ["a Node's zone label", { east: [node({ zone: "b" }, "78")] }],
  ])("changes the fingerprint on %s", (_, edit) => {
    expect(sliceFingerprint(fleet(edit), "bookinfo-ws")).not.toBe(base);
  });

  it("gives another workspace its own fingerprint, moved by its own namespace only", () => {
    const shop = sliceFingerprint(fleet(), "shop-ws");
    expect(shop).not.toBe(base);
    expect(sliceFingerprint(fleet({ east: [pod("details-1", "bookinfo", "2")] }), "shop-ws")).toBe(shop);
    expect(sliceFingerprint(fleet({ east: [pod("cart-1", "shop", "2")] }), "shop-ws")).not.toBe(shop);
  });

  it("has a fingerprint for a workspace that does not exist yet, which changes when it appears", () => {
    const absent = sliceFingerprint(fleet(), "new-ws");
    expect(sliceFingerprint(fleet({ east: [pod("details-1", "bookinfo", "2")] }), "new-ws")).toBe(absent);
    expect(sliceFingerprint(fleet({ west: [workspace("new-ws", ["*/shop"])] }), "new-ws")).not.toBe(absent);
  });
});
