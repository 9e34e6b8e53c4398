import { describe, expect, it } from "vitest";
import { MAX_EXPANDED } from "@/lib/topology/types";
import { readUrlState, toggleExpanded, writeUrlState } from "./url-state";

describe("readUrlState", () => {
  it.each([
    { query: "", state: { view: "graph", expanded: [], selected: undefined } },
    { query: "view=table", state: { view: "table", expanded: [], selected: undefined } },
    { query: "view=pie", state: { view: "graph", expanded: [], selected: undefined } },
    { query: "expanded=cluster:west&expanded=cluster:east&expanded=cluster:west", state: { view: "graph", expanded: ["cluster:east", "cluster:west"], selected: undefined } },
    { query: "expanded=&node=", state: { view: "graph", expanded: [], selected: undefined } },
    { query: `node=${encodeURIComponent("svc:west/details.bookinfo.svc.cluster.local")}`, state: { view: "graph", expanded: [], selected: "svc:west/details.bookinfo.svc.cluster.local" } },
    { query: `node=${"x".repeat(601)}`, state: { view: "graph", expanded: [], selected: undefined } },
  ])("?$query", ({ query, state }) => {
    expect(readUrlState(new URLSearchParams(query))).toEqual(state);
  });

  it("keeps at most MAX_EXPANDED groups", () => {
    const params = new URLSearchParams(Array.from({ length: MAX_EXPANDED + 5 }, (_, i) => ["expanded", `cluster:c${i}`]));
    expect(readUrlState(params).expanded).toHaveLength(MAX_EXPANDED);
  });
});

describe("writeUrlState", () => {
  it("writes the state, leaves defaults out and keeps the table's filters", () => {
    const params = writeUrlState(new URLSearchParams("tstate=at-risk&view=table&node=old"), { view: "graph", expanded: ["ns:west/bookinfo", "cluster:west"], selected: undefined });
    expect(params.toString()).toBe("tstate=at-risk&expanded=cluster%3Awest&expanded=ns%3Awest%2Fbookinfo");
  });

  it("round-trips", () => {
    const state = { view: "table" as const, expanded: ["cluster:west"], selected: "gw:west/istio-system/eastwest-gateway" };
    expect(readUrlState(writeUrlState(new URLSearchParams(), state))).toEqual(state);
  });
});

describe("toggleExpanded", () => {
  it.each([
    { name: "opens a closed group", expanded: ["cluster:east"], id: "cluster:west", result: ["cluster:east", "cluster:west"] },
    { name: "closes an open namespace only", expanded: ["cluster:west", "ns:west/a"], id: "ns:west/a", result: ["cluster:west"] },
    { name: "closing a cluster closes its namespaces, not another cluster's", expanded: ["cluster:west", "ns:west/a", "ns:west2/a", "cluster:west2"], id: "cluster:west", result: ["ns:west2/a", "cluster:west2"] },
  ])("$name", ({ expanded, id, result }) => {
    expect(toggleExpanded(expanded, id)).toEqual(result);
  });

  it("refuses to open past the limit", () => {
    const full = Array.from({ length: MAX_EXPANDED }, (_, i) => `cluster:c${i}`);
    expect(toggleExpanded(full, "cluster:more")).toEqual(full);
  });
});
