// The overview's table as the server renders it: every row up to VIRTUALIZE_FROM clusters; past it, a focusable
// scroll region that renders only the first screenful, while aria-rowcount still tells the whole size.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { statusOf } from "@/server/clusters/test-fleet";
import type { StateCounts } from "@/lib/topology/types";
import { ClusterTable, VIRTUALIZE_FROM } from "./cluster-table";

const fleet = (n: number) => Array.from({ length: n }, (_, i) => statusOf(`c${String(i).padStart(4, "0")}`, { down: i % 7 === 0, sync: i % 7 === 0 ? "stale" : "synced" }));
const rows = (html: string) => html.match(/<th scope="row"/g)?.length ?? 0;

describe("ClusterTable", () => {
  it.each([1, 12, VIRTUALIZE_FROM - 1])("%i clusters: every row, no scroll region", (n) => {
    const html = renderToStaticMarkup(<ClusterTable clusters={fleet(n)} />);
    expect(rows(html)).toBe(n);
    expect(html).not.toContain("aria-rowcount");
    expect(html).toContain('href="/clusters/c0000"');
  });

  it.each([VIRTUALIZE_FROM, 1000, 20_000])("%i clusters: the first screenful only, the size announced", (n) => {
    const html = renderToStaticMarkup(<ClusterTable clusters={fleet(n)} />);
    expect(rows(html)).toBeGreaterThan(10);
    expect(rows(html)).toBeLessThan(VIRTUALIZE_FROM);
    expect(html).toContain(`aria-rowcount="${n + 1}"`);
    expect(html).toMatch(/<div[^>]*tabindex="0"[^>]*role="region"/);
    expect(html).toContain('aria-rowindex="2"');
  });

  it("a never-synced cluster's figures are unknown, never 0; an unreachable one shows its last known version", () => {
    const html = renderToStaticMarkup(<ClusterTable clusters={[statusOf("east", { down: true, sync: "stale", everSynced: false })]} />);
    expect(html).toContain("last known");
    expect(html.match(/–/g)?.length).toBe(6);
    expect(html).toContain("Unreachable");
  });

  it.each<[string, ReadonlyMap<string, StateCounts> | undefined, RegExp]>([
    ["not loaded yet", undefined, /Loading the failover states/],
    ["loaded, none for the cluster", new Map(), /no services/],
    ["loaded: worst first, in the shared words", new Map([["west", { "serving-locally": 3, "at-risk": 1 }]]), /aria-label="Failover states in west".*1.*At risk.*3.*Serving locally/],
  ])("failover column, %s", (_, failover, expected) => {
    const html = renderToStaticMarkup(<ClusterTable clusters={[statusOf("west")]} failover={failover} />);
    expect(html).toMatch(expected);
  });
});
