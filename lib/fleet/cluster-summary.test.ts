import { describe, expect, it } from "vitest";
import { exposedServiceCount, isShadowWorkloadEntry, summarizeCluster, workspacesOfCluster } from "./cluster-summary";
import { clusterSnapshot, obj } from "./snapshot-fixtures";
import { workspacesOf } from "./workspaces";

const ns = (name: string) => obj("Namespace", name);
const svc = (namespace: string, name: string) => obj("Service", name, { namespace });
const workspace = (name: string, names: string[]) => obj("Workspace", name, { namespace: "tsb", spec: { namespaceSelector: { names } } });
const setting = (workspaceName: string, exposedServices?: string[]) =>
  obj("WorkspaceSetting", `${workspaceName}-setting`, {
    namespace: "tsb",
    spec: { workspace: workspaceName, defaultEastWestGatewaySettings: { workloadSelector: { app: "eastwest-gateway" }, ...(exposedServices ? { exposedServices } : {}) } },
  });

const east = clusterSnapshot("east", [
  ns("bookinfo"),
  ns("shop"),
  ns("other"),
  svc("bookinfo", "details"),
  svc("bookinfo", "reviews"),
  svc("shop", "cart"),
  svc("other", "x"),
  svc("bookinfo", "eastwest-gateway"),
  obj("IngressGateway", "eastwest-gateway", { namespace: "bookinfo" }),
]);

const management = (items: ReturnType<typeof obj>[]) => clusterSnapshot("west", items, { management: true });

describe("exposedServiceCount", () => {
  it.each([
    ["no workspace exposes nothing", [], 0],
    ["*/bookinfo without a setting: every service but the gateway's", [workspace("w", ["*/bookinfo"])], 2],
    ["empty exposedServices = all", [workspace("w", ["*/bookinfo"]), setting("w", [])], 2],
    ["a listed FQDN only", [workspace("w", ["*/bookinfo"]), setting("w", ["details.bookinfo.svc.cluster.local"])], 1],
    ["a listed FQDN outside the workspace does not count", [workspace("w", ["*/bookinfo"]), setting("w", ["cart.shop.svc.cluster.local"])], 0],
    ["another cluster's pattern", [workspace("w", ["west/bookinfo"])], 0],
    ["this cluster by name, every namespace", [workspace("w", ["east/*"])], 4],
    ["prefix pattern", [workspace("w", ["*/sh*"])], 1],
    ["two workspaces, no double counting", [workspace("a", ["*/bookinfo"]), workspace("b", ["east/*"]), setting("b", ["details.bookinfo.svc.cluster.local"])], 2],
    ["invalid pattern is ignored", [workspace("w", ["bookinfo"])], 0],
  ] as const)("%s", (_name, items, expected) => {
    expect(exposedServiceCount(east, workspacesOf(management([...items])))).toBe(expected);
  });
});

describe("isShadowWorkloadEntry", () => {
  it.each([
    ["XCP name", "k-details-0123456789abcdef0123456789abcdef", undefined, true],
    ["second address", "k-details-0123456789abcdef0123456789abcdef-2", undefined, true],
    ["our label", "anything", { "app.kubernetes.io/managed-by": "eastwest-console" }, true],
    ["someone else's label", "vm-1", { "app.kubernetes.io/managed-by": "helm" }, false],
    ["hash too short", "k-details-0123456789abcdef", undefined, false],
    ["upper-case hex", "k-details-0123456789ABCDEF0123456789ABCDEF", undefined, false],
    ["user WorkloadEntry", "vm-1", undefined, false],
  ] as const)("%s", (_name, name, labels, expected) => {
    expect(isShadowWorkloadEntry(obj("WorkloadEntry", name, { namespace: "bookinfo", ...(labels ? { labels } : {}) }))).toBe(expected);
  });
});

describe("summarizeCluster", () => {
  it("counts every kind and names the workspaces covering the cluster", () => {
    const cluster = clusterSnapshot("east", [
      ns("bookinfo"),
      svc("bookinfo", "details"),
      obj("IngressGateway", "eastwest-gateway", { namespace: "bookinfo" }),
      obj("ServiceEntry", "global-gwinternal-x", { namespace: "xcp-multicluster" }),
      obj("WorkloadEntry", "k-details-0123456789abcdef0123456789abcdef", { namespace: "bookinfo" }),
      obj("WorkloadEntry", "vm-1", { namespace: "bookinfo" }),
      obj("Pod", "p", { namespace: "bookinfo" }),
    ]);
    const defs = workspacesOf(management([workspace("bookinfo-ws", ["*/bookinfo"]), workspace("shop-ws", ["*/shop"])]));
    expect(summarizeCluster(cluster, defs).summary).toEqual({
      counts: { gateways: 1, exposedServices: 1, serviceEntries: 1, shadowWorkloadEntries: 1, services: 1, namespaces: 1, pods: 1, deployments: 0, objects: 7 },
      workspaces: ["bookinfo-ws"],
    });
    expect(workspacesOfCluster(cluster, [])).toEqual([]);
  });

  it("reuses the counts of unchanged maps from the previous basis, and recounts a changed one", () => {
    const defs = workspacesOf(management([workspace("bookinfo-ws", ["*/bookinfo"])]));
    const first = clusterSnapshot("east", [ns("bookinfo"), svc("bookinfo", "details"), obj("WorkloadEntry", "k-details-0123456789abcdef0123456789abcdef", { namespace: "bookinfo" })]);
    const basis = summarizeCluster(first, defs);
    // A snapshot rebuilt for a probe: the same maps. A basis that lies about its counts proves they were reused.
    const forged = { ...basis, summary: { ...basis.summary, counts: { ...basis.summary.counts, shadowWorkloadEntries: 42, exposedServices: 7 } } };
    const reprobed = { ...first, latencyMs: 3 };
    expect(summarizeCluster(reprobed, defs, forged).summary.counts).toMatchObject({ shadowWorkloadEntries: 42, exposedServices: 7 });
    // Other workspace definitions: what depends on them is counted again; the shadow count does not.
    expect(summarizeCluster(reprobed, [...defs], forged).summary.counts).toMatchObject({ shadowWorkloadEntries: 42, exposedServices: 1 });
    // A new WorkloadEntry map is recounted; the Service count is still reused.
    const changed = clusterSnapshot("east", [ns("bookinfo"), svc("bookinfo", "details")]);
    const withNewEntries = { ...first, objects: { ...first.objects, WorkloadEntry: changed.objects.WorkloadEntry } };
    expect(summarizeCluster(withNewEntries, defs, forged).summary.counts).toMatchObject({ shadowWorkloadEntries: 0, exposedServices: 7 });
  });

  it("counts again only the chunks of the fleet cache's WorkloadEntry map that changed", () => {
    const shadow = (i: number) => obj("WorkloadEntry", `k-svc-${i}-0123456789abcdef0123456789abcdef`, { namespace: "bookinfo" });
    const mine = (i: number) => obj("WorkloadEntry", `mine-${i}`, { namespace: "bookinfo" });
    // The fleet cache's map, read structurally: its values in chunks whose `live` list stays while unchanged.
    const chunked = (lists: ReturnType<typeof obj>[][]) => Object.assign(new Map(lists.flat().map((o) => [`bookinfo/${o.metadata.name}`, o])), { chunks: lists.map((live) => ({ live })) });
    const kept = [shadow(1), shadow(2), mine(3)];
    const base = clusterSnapshot("east", [ns("bookinfo")]);
    const first = summarizeCluster({ ...base, objects: { ...base.objects, WorkloadEntry: chunked([kept, [shadow(4)]]) } }, []);
    expect(first.summary.counts.shadowWorkloadEntries).toBe(3);
    // A lie about the kept chunk proves it was not counted again; the new chunk is.
    const forged = { ...first, shadowChunks: new Map([[kept, 40]]) };
    const next = summarizeCluster({ ...base, objects: { ...base.objects, WorkloadEntry: chunked([kept, [shadow(4), shadow(5), mine(6)]]) } }, [], forged);
    expect(next.summary.counts.shadowWorkloadEntries).toBe(42);
    // Honest counts give what a full count gives.
    const honest = summarizeCluster({ ...base, objects: { ...base.objects, WorkloadEntry: chunked([kept, [shadow(4), shadow(5), mine(6)]]) } }, [], first);
    expect(honest.summary.counts.shadowWorkloadEntries).toBe(4);
  });
});
