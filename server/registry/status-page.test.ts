import { describe, expect, it } from "vitest";
import type { ClusterReport, ReportEntry } from "@/lib/registry/report";
import type { RegistryStatusInput, StatusRow } from "@/lib/registry/status-contract";
import { serviceEntryName } from "@/lib/names/object-names";
import type { DesiredObject } from "@/lib/plan/desired";
import type { WorkspaceReach } from "@/server/workspaces/workspace-conditions";
import type { AnyCondition } from "./fleet-state";
import type { RegistryStatus } from "./status";
import { decodeCursor, encodeCursor, registryStatusPage } from "./status-page";

const entry = (namespace: string, name: string, kind = "WorkloadEntry"): ReportEntry => ({ kind, namespace, name, reason: "not there" });
const report = (cluster: string, over: Partial<ClusterReport> = {}): ClusterReport => ({ cluster, stale: false, expected: 0, inSync: 0, missing: [], extra: [], different: [], foreign: [], unverified: [], ...over });
const missingN = (cluster: string, n: number) => report(cluster, { expected: n, missing: Array.from({ length: n }, (_, i) => entry("bookinfo", `we-${String(i).padStart(5, "0")}`)) });
const desired = (namespace: string, name: string, kind: DesiredObject["kind"] = "WorkloadEntry"): DesiredObject => ({ apiVersion: "networking.istio.io/v1", kind, metadata: { namespace, name, labels: {}, annotations: {} }, spec: {} });

function statusOf(clusters: ClusterReport[], conditions: AnyCondition[] = [], planned: RegistryStatus["planned"] = {}): RegistryStatus {
  return { mode: "standalone", leader: true, identity: "t", lastReconcileAt: null, conditions, clusters, propagation: [], planned, writes: { applied: 0, deleted: 0, failed: 0 } };
}

/** Every page until nextCursor is null. */
function allPages(status: RegistryStatus, limit: number): StatusRow[][] {
  const pages: StatusRow[][] = [];
  let cursor: string | undefined;
  for (;;) {
    const query: RegistryStatusInput = { limit, ...(cursor === undefined ? {} : { cursor }) };
    const page = registryStatusPage(status, query);
    pages.push(page.rows);
    if (page.nextCursor === null) return pages;
    cursor = page.nextCursor;
  }
}

describe("registryStatusPage paging", () => {
  it.each([
    ["nothing out of sync: one empty page", [report("east", { expected: 3, inSync: 3 })], 50, [0]],
    ["fewer rows than a page", [missingN("east", 7)], 50, [7]],
    ["exactly one page", [missingN("east", 50)], 50, [50]],
    ["across clusters, the last page partial", [missingN("west", 120), missingN("east", 90)], 50, [50, 50, 50, 50, 10]],
    ["10,000 rows at the largest page", [missingN("east", 10_000)], 200, Array.from({ length: 50 }, () => 200)],
  ])("%s", (_name, clusters, limit, sizes) => {
    const pages = allPages(statusOf(clusters), limit);
    expect(pages.map((p) => p.length)).toEqual(sizes);
    const keys = pages.flat().map((r) => `${r.cluster}/${r.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    ["a page ends exactly where a cluster does", [missingN("b", 10), missingN("a", 10)], 10],
    ["an empty cluster between two", [missingN("c", 3), report("b", { expected: 2, inSync: 2 }), missingN("a", 4)], 2],
    ["cluster names that begin with another's", [missingN("east-2", 3), missingN("east", 3), missingN("east2", 3), missingN("eas", 2)], 4],
  ])("pages every row once, in key order, when %s", (_name, clusters, limit) => {
    const rows = allPages(statusOf(clusters), limit).flat();
    const keys = rows.map((r) => JSON.stringify([r.cluster, r.state, r.kind, r.namespace, r.name]));
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(clusters.reduce((n, c) => n + c.missing.length, 0));
  });

  it("orders rows by cluster, then state, then names", () => {
    const status = statusOf([report("west", { missing: [entry("b", "z")], extra: [entry("a", "a")] }), report("east", { different: [entry("a", "b")] })]);
    expect(registryStatusPage(status, { limit: 50 }).rows.map((r) => `${r.cluster} ${r.state} ${r.name}`)).toEqual(["east different b", "west extra a", "west missing z"]);
  });

  it("continues after the last row seen when rows before it were repaired in between", () => {
    const first = registryStatusPage(statusOf([missingN("east", 100)]), { limit: 10 });
    const repaired = missingN("east", 100);
    repaired.missing.splice(0, 5);
    const next = registryStatusPage(statusOf([repaired]), { limit: 10, ...(first.nextCursor ? { cursor: first.nextCursor } : {}) });
    expect(next.rows[0]?.name).toBe("we-00010");
    expect(next.totalRows).toBe(95);
  });

  it.each([
    ["not base64url JSON", "bm90IGpzb24"],
    ["JSON of another shape", encodeCursor(JSON.stringify({ a: 1 }))],
    ["four names, not five", encodeCursor(JSON.stringify(["a", "b", "c", "d"]))],
  ])("refuses a cursor that is %s, naming the field", (_name, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ tag: "eastwest.Invalid", fieldErrors: [{ field: "cursor", message: expect.stringContaining("nextCursor") }] }));
  });
});

describe("registryStatusPage for one workspace", () => {
  const reach: WorkspaceReach = { name: "bookinfo-ws", scope: new Map([["east", ["bookinfo"]], ["west", ["bookinfo"]]]), clusters: ["east", "west"], services: ["details.bookinfo.svc.cluster.local"] };
  const se = serviceEntryName("details.bookinfo.svc.cluster.local");
  const clusters = [
    report("east", { expected: 5, inSync: 1, missing: [entry("bookinfo", "we-1"), entry("shop", "we-2")], different: [entry("xcp-multicluster", se, "ServiceEntry")], extra: [entry("xcp-multicluster", "global-gwinternal-cart-shop-svc-cluster-local", "ServiceEntry")], foreign: [entry("shop", "dr")] }),
    report("west", { stale: true, expected: 2, missing: [entry("bookinfo", "we-3"), entry("bookinfo", "we-4")] }),
    report("north", { expected: 1, missing: [entry("bookinfo", "we-5")] }),
  ];
  const planned = {
    east: [desired("bookinfo", "we-1"), desired("shop", "we-2"), desired("xcp-multicluster", se, "ServiceEntry"), desired("bookinfo", "we-0"), desired("shop", "dr", "DestinationRule")],
    west: [desired("bookinfo", "we-3"), desired("bookinfo", "we-4")],
    north: [desired("bookinfo", "we-5")],
  };
  const conditions: AnyCondition[] = [
    ...Array.from({ length: 10_000 }, (_, i): AnyCondition => ({ severity: "warning", reason: "NoMatchingGateway", workspace: "bookinfo-ws", cluster: `c${i}`, message: `no gateway in c${i}.` })),
    { severity: "error", reason: "ExposedServiceNotFound", workspace: "shop-ws", message: "shop's." },
  ];
  const page = registryStatusPage(statusOf(clusters, conditions, planned), { limit: 50 }, { reach });

  it("lists only the objects under names its plan uses, in its clusters", () => {
    expect(page.rows.map((r) => `${r.cluster} ${r.state} ${r.namespace}/${r.name}`)).toEqual([
      `east different xcp-multicluster/${se}`,
      "east missing bookinfo/we-1",
      "west missing bookinfo/we-3",
      "west missing bookinfo/we-4",
    ]);
  });

  it("counts per cluster within the workspace; a stale cluster's changes are held", () => {
    expect(page.summary).toEqual([
      { cluster: "east", stale: false, expected: 3, inSync: 1, missing: 1, different: 1, extra: 0, foreign: 0, unverified: 0, held: 0 },
      { cluster: "west", stale: true, expected: 2, inSync: 0, missing: 2, different: 0, extra: 0, foreign: 0, unverified: 0, held: 2 },
    ]);
  });

  it("groups its conditions: 10,000 of one reason are one entry, another workspace's are not there", () => {
    expect(page.conditions).toEqual([
      { reason: "NoMatchingGateway", severity: "warning", count: 10_000, examples: ["no gateway in c0", "no gateway in c1", "no gateway in c2", "no gateway in c3", "no gateway in c4"], message: "10,000 conditions of one kind (NoMatchingGateway), for example: no gateway in c0; no gateway in c1; no gateway in c2; and 9,997 more." },
    ]);
    expect(page.workspace).toBe("bookinfo-ws");
  });

  it("without a workspace, counts the whole fleet as the reports do", () => {
    const fleet = registryStatusPage(statusOf(clusters, conditions, planned), { limit: 50 });
    expect(fleet.summary.map((s) => [s.cluster, s.expected, s.inSync, s.missing + s.different + s.extra + s.foreign])).toEqual([["east", 5, 1, 5], ["west", 2, 0, 2], ["north", 1, 0, 1]]);
    expect(fleet.conditions.map((g) => [g.reason, g.count])).toEqual([["ExposedServiceNotFound", 1], ["NoMatchingGateway", 10_000]]);
  });
});
