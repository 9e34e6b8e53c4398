// Under a service's state in the panel and the table: who served its cluster in the last minute; nothing without a
// view Prometheus answered (the note above the graph says why, once).
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TrafficView } from "@/lib/traffic/types";
import { FailoverStateCell } from "../../workspace/failover-cell";
import { cellTrafficOf, ServedByNodeLineView } from "./served-by-node-line";

const DETAILS = "details.bookinfo.svc.cluster.local";
const OK: TrafficView = {
  status: { state: "ok", window: "1m" },
  servedBy: [{ sourceCluster: "west", fqdn: DETAILS, rps: 1.2, errorRate: 0.02, servedBy: [{ cluster: "east", share: 1, rps: 1.2 }] }],
  flows: [],
  at: "2026-12-05T04:00:00.000Z",
};
const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/\s+/g, " ").trim();

describe("ServedByNodeLineView", () => {
  it.each<[string, string, string]>([
    ["the failed-over cluster: served by the remote one, with rate and 5xx share", "west", "served by east 100 % in the last minute · 1.2 req/s · 2 % 5xx"],
    ["a cluster that sent nothing", "east", "no requests in the last minute"],
  ])("%s", (_name, cluster, words) => {
    expect(text(renderToStaticMarkup(<ServedByNodeLineView cluster={cluster} fqdn={DETAILS} view={OK} />))).toBe(words);
  });

  it("from a node id, as the side panel holds it", () => {
    expect(text(renderToStaticMarkup(<ServedByNodeLineView id={`svc:west/${DETAILS}`} view={OK} />))).toBe("served by east 100 % in the last minute · 1.2 req/s · 2 % 5xx");
    expect(renderToStaticMarkup(<ServedByNodeLineView id="gw:west/istio-system/eastwest" view={OK} />)).toBe("");
  });

  it.each<[string, TrafficView | undefined]>([
    ["still loading", undefined],
    ["no Prometheus configured", { ...OK, status: { state: "not-configured" } }],
    ["Prometheus down", { ...OK, status: { state: "down", message: "no answer in time" } }],
  ])("%s: nothing", (_name, view) => {
    expect(renderToStaticMarkup(<ServedByNodeLineView cluster="west" fqdn={DETAILS} view={view} />)).toBe("");
  });
});

describe("cellTrafficOf (a table row's failover cell)", () => {
  const cell = { cluster: "west", fqdn: DETAILS, namespace: "bookinfo", kind: "failed-over" as const, words: "Failed over", targets: [{ cluster: "east", gateway: "istio-system/eastwest" }], sentence: "Failed over to east." };

  it("the cell's title joins its state with who served it; the line under it gives the figures", () => {
    const html = renderToStaticMarkup(<FailoverStateCell cell={cell} traffic={cellTrafficOf(OK, "west", DETAILS)} />);
    expect(html).toContain('title="Failed over to east. west: failed over; served by east 100 % in the last minute."');
    expect(text(html)).toContain("served by east 100 % in the last minute · 1.2 req/s · 2 % 5xx");
  });

  it.each<[string, TrafficView | undefined]>([
    ["still loading", undefined],
    ["Prometheus down", { ...OK, status: { state: "down", message: "no answer in time" } }],
  ])("%s: no traffic in the cell", (_name, view) => {
    expect(cellTrafficOf(view, "west", DETAILS)).toBeUndefined();
  });
});
