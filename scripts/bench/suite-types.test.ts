// The in-process benchmarks print "label: value; more" lines; the suite's table takes each as a row.
import { describe, expect, it } from "vitest";
import { rowOf } from "./suite-types";

describe("rowOf", () => {
  it.each([
    ["graph, collapsed: p50 0.05 / p95 0.15 ms (n=5) — 2 nodes; 2.3 KiB JSON", { figure: "t: graph, collapsed", value: "p50 0.05 / p95 0.15 ms (n=5) — 2 nodes", note: "2.3 KiB JSON" }],
    ["heap used: 22 MiB", { figure: "t: heap used", value: "22 MiB" }],
    ["  states: {\"a\":1}", { figure: "t:   states", value: "{\"a\":1}" }],
    ["no colon here", { figure: "t: no colon here", value: "" }],
  ])("%s", (line, row) => {
    expect(rowOf(line, "t")).toEqual(row);
  });
});
