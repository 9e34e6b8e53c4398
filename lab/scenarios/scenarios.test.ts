import { describe, expect, it } from "vitest";
import { createClusterStore } from "../apiserver/store";
import { createTypeRegistry } from "../apiserver/types-registry";
import type { ClusterStore } from "../apiserver/types";
import { scenarios, type ScenarioName } from "./index";
import { LOAD_BALANCER_HOSTNAME_ANNOTATION } from "../controllers/load-balancer";
import { LAST_APPLIED } from "./seed-util";

const types = createTypeRegistry();
const kind = (group: string, k: string) => {
  const t = types.byKind(group, k);
  if (!t) throw new Error(k);
  return t;
};

function seeded(name: ScenarioName, options = {}): ClusterStore[] {
  const scenario = scenarios[name];
  const stores = scenario.clusterNames(options).map((c) => createClusterStore(c, types));
  scenario.seed(stores, options);
  return stores;
}

const names = (store: ClusterStore, group: string, k: string, ns?: string): string[] => store.list(kind(group, k), ns).map((o) => o.metadata.name ?? "");

describe("scenarios", () => {
  it("demo: west, east, north; bookinfo in west and east; productpage + sleep in north", () => {
    const [west, east, north] = seeded("demo");
    expect([west, east, north].map((s) => s?.cluster)).toEqual(["west", "east", "north"]);
    for (const store of [west, east]) {
      if (!store) throw new Error("missing");
      expect(names(store, "", "Service", "bookinfo")).toEqual(["details", "productpage", "ratings", "reviews"]);
      expect(names(store, "apps", "Deployment", "bookinfo")).toEqual(["details-v1", "productpage-v1", "ratings-v1", "reviews-v1", "reviews-v2", "reviews-v3"]);
    }
    if (!west || !north) throw new Error("missing");
    expect(names(north, "", "Service", "bookinfo")).toEqual(["productpage"]);
    expect(names(north, "apps", "Deployment", "sleep")).toEqual(["sleep"]);
    for (const store of seeded("demo")) expect(names(store, "", "Namespace")).toContain("xcp-multicluster");
    const svc = west.get(kind("", "Service"), "bookinfo", "reviews");
    expect(svc?.spec).toMatchObject({ ports: [{ name: "http", port: 9080 }], selector: { app: "reviews" } });
    expect(svc?.metadata.annotations?.[LAST_APPLIED]).toContain('"name":"reviews"');
    expect(svc?.metadata.managedFields?.[0]).toMatchObject({ manager: "kubectl-client-side-apply", operation: "Update" });
    const dep = west.get(kind("apps", "Deployment"), "bookinfo", "reviews-v2");
    expect(dep?.metadata.labels).toEqual({ app: "reviews", version: "v2" });
  });

  it("demo: the management cluster alone holds the workspace and its setting", () => {
    const [west, east] = seeded("demo");
    if (!west || !east) throw new Error("missing");
    const ws = west.get(kind("tsb.tetrate.io", "Workspace"), "bookinfo", "bookinfo-ws");
    expect(ws?.spec).toEqual({ namespaceSelector: { names: ["*/bookinfo"] } });
    const setting = west.get(kind("settings.tetrate.io", "WorkspaceSetting"), "bookinfo", "bookinfo-ws-setting");
    expect(setting?.spec).toEqual({ workspace: "bookinfo-ws", defaultEastWestGatewaySettings: { workloadSelector: { app: "eastwest-gateway" } } });
    expect(names(east, "tsb.tetrate.io", "Workspace")).toEqual([]);
    expect(names(west, "install.tetrate.io", "IngressGateway")).toEqual([]);
  });

  it("demo: the bookinfo namespaces have opted in to drills; sleep, xcp-multicluster and the e2e scenario's have not", () => {
    const optIn = (store: ClusterStore | undefined, ns: string) => store?.get(kind("", "Namespace"), undefined, ns)?.metadata.annotations?.["eastwest.dev/drills"];
    const demo = seeded("demo");
    for (const store of demo) {
      expect(optIn(store, "bookinfo"), store.cluster).toBe("enabled");
      expect(optIn(store, "sleep"), store.cluster).toBeUndefined();
      expect(optIn(store, "xcp-multicluster"), store.cluster).toBeUndefined();
    }
    // As if the user's own manifest said so: kubectl's last-applied configuration carries it.
    expect(demo[0]?.get(kind("", "Namespace"), undefined, "bookinfo")?.metadata.annotations?.[LAST_APPLIED]).toContain('"eastwest.dev/drills":"enabled"');
    for (const store of seeded("e2e")) expect(optIn(store, "bookinfo"), store.cluster).toBeUndefined();
  });

  it("dns-gateway: the demo's apps, a gateway in every cluster, east's load balancer named by DNS, details exposed", () => {
    const stores = seeded("dns-gateway");
    expect(stores.map((s) => s.cluster)).toEqual(["west", "east", "north"]);
    const gateways = stores.map((s) => s.get(kind("install.tetrate.io", "IngressGateway"), "bookinfo", "eastwest-gateway"));
    expect(gateways.map((g) => g?.spec)).toEqual([
      { eastWestOnly: true },
      { eastWestOnly: true, kubeSpec: { service: { annotations: { [LOAD_BALANCER_HOSTNAME_ANNOTATION]: "east-gw.lab.internal" } } } },
      { eastWestOnly: true },
    ]);
    const [west, east, north] = stores;
    if (!west || !east || !north) throw new Error("missing");
    expect(names(east, "", "Service", "bookinfo")).toEqual(["details", "productpage", "ratings", "reviews"]);
    expect(names(north, "", "Service", "bookinfo")).toEqual(["productpage"]);
    const setting = west.get(kind("settings.tetrate.io", "WorkspaceSetting"), "bookinfo", "bookinfo-ws-setting");
    expect(setting?.spec).toMatchObject({ defaultEastWestGatewaySettings: { exposedServices: ["details.bookinfo.svc.cluster.local"] } });
  });

  it("scale: C clusters named c01… with S services, 25 per namespace", () => {
    const stores = seeded("scale", { clusters: 3, services: 60 });
    expect(stores.map((s) => s.cluster)).toEqual(["c01", "c02", "c03"]);
    const [first] = stores;
    if (!first) throw new Error("missing");
    expect(first.list(kind("", "Service")).length).toBe(60);
    expect(first.list(kind("apps", "Deployment")).length).toBe(60);
    expect(names(first, "", "Service", "ns-003")).toHaveLength(10);
    expect(names(first, "", "Namespace")).toEqual(expect.arrayContaining(["ns-001", "ns-002", "ns-003", "xcp-multicluster"]));
    // No scale namespace opts in to drills: a drill there is the user's explicit choice.
    expect(first.list(kind("", "Namespace")).filter((ns) => ns.metadata.annotations?.["eastwest.dev/drills"] !== undefined)).toEqual([]);
  });
});
