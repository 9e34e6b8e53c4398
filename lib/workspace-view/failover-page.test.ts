import { describe, expect, it } from "vitest";
import type { FailoverKind } from "@/lib/failover/types";
import { failoverPage, failoverRows, failoverSummary } from "./failover-page";
import type { FailoverCell } from "./types";

const cell = (cluster: string, fqdn: string, kind: FailoverKind): FailoverCell => ({ cluster, fqdn, namespace: fqdn.split(".")[1] ?? "", kind, words: kind, targets: [], sentence: `${kind}.` });
const fq = (name: string, ns = "bookinfo") => `${name}.${ns}.svc.cluster.local`;

// Cells as the server gives them: clusters by name, then FQDN.
const CELLS = [
  cell("east", fq("details"), "serving-locally"),
  cell("east", fq("reviews"), "at-risk"),
  cell("west", fq("details"), "failed-over"),
  cell("west", fq("ratings", "shop"), "unknown"),
  cell("west", fq("reviews"), "serving-locally"),
];
const ROWS = failoverRows(CELLS);

describe("failoverRows", () => {
  it("makes one row per service, sorted by FQDN, with its cells in cluster order", () => {
    expect(ROWS.map((r) => [r.name, r.namespace, r.cells.map((c) => c.cluster)])).toEqual([
      ["details", "bookinfo", ["east", "west"]],
      ["ratings", "shop", ["west"]],
      ["reviews", "bookinfo", ["east", "west"]],
    ]);
  });
});

describe("failoverSummary", () => {
  it("counts services, cells and cells per state (every state present, zero or not)", () => {
    expect(failoverSummary(ROWS, 7)).toEqual({ version: 7, services: 3, cells: 5, byKind: { "serving-locally": 2, "failed-over": 1, "at-risk": 1, "remote-only": 0, unavailable: 0, unknown: 1 } });
  });
});

describe("failoverPage", () => {
  type Case = [name: string, query: Parameters<typeof failoverPage>[2], names: string[], total: number];
  it.each<Case>([
    ["the first page", { offset: 0, limit: 2 }, ["details", "ratings"], 3],
    ["the next page", { offset: 2, limit: 2 }, ["reviews"], 3],
    ["past the end: no rows, the total kept", { offset: 9, limit: 2 }, [], 3],
    ["search in the name, any case", { offset: 0, limit: 25, search: "REV" }, ["reviews"], 1],
    ["search in the namespace", { offset: 0, limit: 25, search: ".shop." }, ["ratings"], 1],
    ["search, blank: everything", { offset: 0, limit: 25, search: "  " }, ["details", "ratings", "reviews"], 3],
    ["a state in any cluster", { offset: 0, limit: 25, kind: "serving-locally" }, ["details", "reviews"], 2],
    ["a state and a search", { offset: 0, limit: 25, kind: "serving-locally", search: "det" }, ["details"], 1],
    ["a state nobody is in", { offset: 0, limit: 25, kind: "remote-only" }, [], 0],
  ])("%s", (_name, query, names, total) => {
    const page = failoverPage(ROWS, ["east", "west"], query, 1);
    expect(page.rows.map((r) => r.name)).toEqual(names);
    expect(page.total).toBe(total);
  });

  it("keeps the columns of the whole table in the given order, whatever the filter", () => {
    expect(failoverPage(ROWS, ["west", "north", "east"], { offset: 0, limit: 25, search: "ratings" }, 1).clusters).toEqual(["west", "east"]);
  });
});
