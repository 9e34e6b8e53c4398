// The failover table as the server renders it: a real table (caption, column and row headers) with the words of
// lib/failover, the reason for At risk and where Failed over goes; deliberate states for a workspace without
// services and for one that exposes nothing; with Prometheus, which cluster served each cell in the last minute,
// and without it (not configured, not answering) one note above the table and no figure in any cell.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TrafficView } from "@/lib/traffic/types";
import { failoverPage, failoverRows, failoverSummary } from "@/lib/workspace-view/failover-page";
import type { FailoverCell, WorkspaceDetail, WorkspaceService } from "@/lib/workspace-view/types";
import { FailoverTableView, type TableTraffic } from "./failover-table";

const DETAILS = "details.bookinfo.svc.cluster.local";

const service = (exposed: boolean): WorkspaceService => ({ fqdn: DETAILS, namespace: "bookinfo", name: "details", clusters: ["east", "west"], ports: [], exposed });

const cell = (cluster: string, over: Partial<FailoverCell>): FailoverCell => ({ cluster, fqdn: DETAILS, namespace: "bookinfo", kind: "serving-locally", words: "Serving locally", targets: [], sentence: "", ...over });

// The cells behind each fixture's summary: the page the server would answer for them (first page, no filter).
const cellsOf = new WeakMap<WorkspaceDetail, FailoverCell[]>();

/** The view with the first page of its fixture's cells, as the container renders it once the page arrived. */
function FailoverTable({ detail, traffic }: { detail: WorkspaceDetail; traffic?: TableTraffic }) {
  const page = failoverPage(failoverRows(cellsOf.get(detail) ?? []), detail.clusters.map((c) => c.name), { offset: 0, limit: 25 }, 1);
  return <FailoverTableView detail={detail} page={page} {...(traffic ? { traffic } : {})} />;
}

const detail = (services: WorkspaceService[], failover: FailoverCell[]): WorkspaceDetail => {
  const d = detailOf(services, failover);
  cellsOf.set(d, failover);
  return d;
};

const detailOf = (services: WorkspaceService[], failover: FailoverCell[]): WorkspaceDetail => ({
  name: "ws",
  namespaceSelector: ["*/bookinfo"],
  settingsForm: "seed",
  exposure: { mode: "all" },
  managementCluster: "west",
  clusters: ["east", "north", "west"].map((name) => ({ name, management: name === "west", freshness: { state: "synced", everSynced: true }, namespaces: ["bookinfo"], gateways: [] })),
  services,
  readiness: { workspace: "ws", ready: true, items: [] },
  failover: failoverSummary(failoverRows(failover), 1),
  conditions: [],
});

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("FailoverTable", () => {
  it("is a table with a caption, a column per cluster that has a state, and each state's words and explanation", () => {
    const html = renderToStaticMarkup(
      <FailoverTable
        detail={detail([service(true)], [
          cell("east", { kind: "at-risk", words: "At risk", reason: "no-gateway", reasonWords: "no gateway" }),
          cell("west", { kind: "failed-over", words: "Failed over", targets: [{ cluster: "east", gateway: "bookinfo/eastwest-gateway" }] }),
        ])}
      />,
    );
    expect(html).toContain("<caption");
    expect(html).toMatch(/<th scope="col"[^>]*>east<\/th><th scope="col"[^>]*>west<\/th>/);
    expect(html).not.toMatch(/<th scope="col"[^>]*>north/);
    expect(html).toContain('<th scope="row"');
    expect(text(html)).toContain("At risk no gateway");
    expect(text(html)).toContain("Failed over to east through bookinfo/eastwest-gateway");
    expect(text(html)).not.toContain("Nothing is exposed");
  });

  it("offers a failover drill in each cluster that runs the service itself, named by service and cluster", () => {
    const html = renderToStaticMarkup(<FailoverTable detail={detail([service(true)], [cell("west", {}), cell("east", { kind: "at-risk", words: "At risk" }), cell("north", { kind: "remote-only", words: "Remote only" })])} />);
    const buttons = [...html.matchAll(/<button[^>]*>(.*?)<\/button>/g)].map((m) => text(m[1] ?? "").trim()).filter((t) => t.startsWith("Run failover drill"));
    expect(buttons.sort()).toEqual(["Run failover drill on details in east", "Run failover drill on details in west"]);
  });

  it.each([
    ["no services", detail([], []), "This workspace has no services yet"],
    ["nothing exposed", detail([service(false)], [cell("west", { kind: "at-risk", words: "At risk", reason: "not-exposed", reasonWords: "not exposed" })]), "Nothing is exposed: no service of this workspace can fail over"],
  ])("%s: says so", (_name, d, sentence) => {
    expect(text(renderToStaticMarkup(<FailoverTable detail={d} />))).toContain(sentence);
  });
});

const AT = "2026-12-05T04:00:00.000Z";
const trafficOf = (view: TrafficView): TableTraffic => ({ view, state: { status: view.status, at: view.at } });
const FAILED_OVER = detail([service(true)], [
  cell("west", { kind: "failed-over", words: "Failed over", targets: [{ cluster: "east", gateway: "bookinfo/eastwest-gateway" }], sentence: "Failed over to east." }),
  cell("east", {}),
]);
const OK: TrafficView = {
  status: { state: "ok", window: "1m" },
  servedBy: [{ sourceCluster: "west", fqdn: DETAILS, rps: 1.2, errorRate: 0.02, servedBy: [{ cluster: "east", share: 1, rps: 1.2 }] }],
  flows: [],
  at: AT,
};
const cellHtml = (html: string, cluster: string) => text(/<td data-cluster="([^"]+)"[^>]*>(.*?)<\/td>/g.exec(html.slice(html.indexOf(`data-cluster="${cluster}"`) - 4))?.[2] ?? "");

describe("FailoverTable with traffic", () => {
  it("each cell says which cluster served it in the last minute, with the rate and 5xx share; once the source is named", () => {
    const html = renderToStaticMarkup(<FailoverTable detail={FAILED_OVER} traffic={trafficOf(OK)} />);
    expect(cellHtml(html, "west")).toContain("Failed over to east through bookinfo/eastwest-gateway served by east 100 % in the last minute · 1.2 req/s · 2 % 5xx");
    expect(cellHtml(html, "east")).toContain("no requests in the last minute");
    expect(html).toContain('title="Failed over to east. west: failed over; served by east 100 % in the last minute."');
    expect(text(html).match(/Prometheus, istio_requests_total/g)).toHaveLength(1);
  });

  it.each<[string, TableTraffic, string]>([
    ["no Prometheus configured", trafficOf({ ...OK, status: { state: "not-configured" }, servedBy: [] }), "Traffic is not shown: no Prometheus is configured (EASTWEST_PROMETHEUS_URL)."],
    ["Prometheus down", trafficOf({ ...OK, status: { state: "down", message: "Prometheus at http://prom:9090 does not answer the traffic query: no answer in time." }, servedBy: [] }), "Traffic is not shown: Prometheus does not answer. Prometheus at http://prom:9090 does not answer the traffic query: no answer in time."],
    ["the console's request failed", { state: { error: new Error("network down") } }, "Traffic is not shown: the console could not read it"],
  ])("%s: one note above the table, no figure in any cell", (_name, traffic, note) => {
    const html = renderToStaticMarkup(<FailoverTable detail={FAILED_OVER} traffic={traffic} />);
    expect(text(html)).toContain(note);
    expect(text(html).split("Traffic is not shown")).toHaveLength(2);
    expect(html).not.toContain("data-traffic");
    expect(text(html)).not.toContain("no requests");
  });

  it("while the traffic view loads: no note, no figure", () => {
    const html = renderToStaticMarkup(<FailoverTable detail={FAILED_OVER} />);
    expect(html).not.toContain("Traffic is not shown");
    expect(html).not.toContain("data-traffic");
  });
});

describe("FailoverTable, paged", () => {
  const many = Array.from({ length: 30 }, (_, i) => `svc-${String(i).padStart(2, "0")}.bookinfo.svc.cluster.local`);
  const big = detail([service(true)], many.map((fqdn) => cell("west", { fqdn })));

  it("shows a page of 25 services and says which, with Previous disabled on the first page", () => {
    const html = renderToStaticMarkup(<FailoverTable detail={big} />);
    expect(html.match(/<th scope="row"/g)).toHaveLength(25);
    expect(text(html)).toContain("Services 1–25 of 30");
    expect(html).toMatch(/<button type="button"[^>]*disabled=""[^>]*>Previous<\/button>/);
    expect(html).not.toMatch(/disabled=""[^>]*>Next</);
  });

  it("offers each state with its count of cells in the state filter", () => {
    expect(text(renderToStaticMarkup(<FailoverTable detail={big} />))).toContain("Serving locally (30)");
  });

  it("while the first page loads: says what it loads, no table", () => {
    const html = renderToStaticMarkup(<FailoverTableView detail={big} page={undefined} />);
    expect(text(html)).toContain("Loading the failover state of 30 services…");
    expect(html).not.toContain("<table");
  });

  it("a page that failed: the error as a sentence, no table", () => {
    const html = renderToStaticMarkup(<FailoverTableView detail={big} page={undefined} error={new Error("network down")} />);
    expect(text(html)).toContain("The failover table could not be loaded");
    expect(html).not.toContain("<table");
  });

  it("a filter nothing matches: says so and offers to clear it", () => {
    const page = { version: 1, total: 0, offset: 0, limit: 25, clusters: ["west"], rows: [] };
    const html = renderToStaticMarkup(<FailoverTableView detail={big} page={page} filter={{ search: "nope", kind: undefined }} />);
    expect(text(html)).toContain("No service matches the filter. Clear the filter");
  });
});
