// The table's rows as the server renders them: a row header with the service's name (a button when rows can be
// selected) and FQDN, the cluster and namespace, and the failover state in the pages' words; past VIRTUALIZE_FROM
// rows only those in view are in the document.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TopologyRow } from "@/lib/topology/types";
import { TableRows, VIRTUALIZE_FROM } from "./table-rows";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const row = (i: number, over: Partial<TopologyRow> = {}): TopologyRow => ({
  id: `svc:west/s${i}.bookinfo.svc.cluster.local`,
  cluster: "west",
  namespace: "bookinfo",
  fqdn: `s${i}.bookinfo.svc.cluster.local`,
  state: "failed-over",
  words: "Failed over",
  sentence: "Failed over to east.",
  targets: [{ cluster: "east", gateway: "bookinfo/eastwest-gateway" }],
  ...over,
});

describe("TableRows", () => {
  it("a row: name as a button, FQDN, cluster, namespace, state words and where it goes", () => {
    const html = renderToStaticMarkup(<TableRows rows={[row(1)]} caption="c" onSelect={() => undefined} />);
    expect(html).toContain("<button");
    expect(text(html)).toContain("s1 in west: show details s1.bookinfo.svc.cluster.local west bookinfo ↪ Failed over to east through bookinfo/eastwest-gateway");
  });

  it("without onSelect, no button", () => {
    expect(renderToStaticMarkup(<TableRows rows={[row(1, { state: "at-risk", words: "At risk", reasonWords: "no gateway" })]} caption="c" />)).not.toContain("<button");
  });

  it("a long page is virtualized: not every row is in the document", () => {
    const rows = Array.from({ length: VIRTUALIZE_FROM + 100 }, (_, i) => row(i));
    const html = renderToStaticMarkup(<TableRows rows={rows} caption="c" />);
    expect(html).toContain(`aria-rowcount="${rows.length + 1}"`);
    expect((html.match(/<tr aria-rowindex="\d+" class="align-top/g) ?? []).length).toBeLessThan(rows.length);
  });
});
