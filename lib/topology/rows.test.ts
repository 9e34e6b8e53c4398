// The table view: health order (unavailable, at risk, failed over, unknown, remote only, serving locally), then
// cluster and FQDN; the other orders; filters by cluster, namespace, state and a part of the FQDN; paging with the
// total of matching rows.
import { describe, expect, it } from "vitest";
import { DETAILS, PRODUCTPAGE, REVIEWS, bookinfo, edit, endpoints, pipe } from "@/lib/failover/test-helpers";
import type { FailoverInput } from "@/lib/failover/types";
import { rowsView } from "./graph";
import { topologyRowsInputSchema, type TopologyRowsInput } from "./types";
import { topologyOf } from "./test-fleet";

const down = (cluster: string, fqdn: string) => (i: FailoverInput) => endpoints(i, cluster, fqdn, { ready: 0, total: 1 });
const noOutlier = (cluster: string, fqdn: string) => (i: FailoverInput) => edit(i, cluster, (c) => ({ outlierDetection: c.outlierDetection.filter((h) => h !== fqdn) }));

// reviews down in west and east → both Unavailable; north's details without outlier detection → At risk; west's
// details down → Failed over; west's productpage endpoints unknown → Unknown; south Remote only; east's details
// Serving locally.
const full = topologyOf(pipe(bookinfo(), down("west", REVIEWS), down("east", REVIEWS), down("west", DETAILS), noOutlier("north", DETAILS), (i) => endpoints(i, "west", PRODUCTPAGE, undefined)));
const short = (fqdn: string) => fqdn.split(".")[0];
const page = (input: TopologyRowsInput) => rowsView(full, topologyRowsInputSchema.parse(input));
const listed = (input: TopologyRowsInput) => page(input).rows.map((r) => `${r.state} ${r.cluster} ${short(r.fqdn)}`);

describe("topology rows", () => {
  it("sorts unhealthy first, then by cluster and FQDN", () => {
    expect(listed({})).toEqual([
      "unavailable east reviews",
      "unavailable west reviews",
      "at-risk north details",
      "failed-over west details",
      "unknown west productpage",
      "remote-only south details",
      "serving-locally east details",
    ]);
  });

  it.each<[string, TopologyRowsInput, string[], number]>([
    ["by cluster", { sort: "cluster", limit: 3 }, ["serving-locally east details", "unavailable east reviews", "at-risk north details"], 7],
    ["by service", { sort: "service", limit: 4 }, ["serving-locally east details", "at-risk north details", "remote-only south details", "failed-over west details"], 7],
    ["one cluster", { cluster: "west" }, ["unavailable west reviews", "failed-over west details", "unknown west productpage"], 3],
    ["one state", { state: "unavailable" }, ["unavailable east reviews", "unavailable west reviews"], 2],
    ["cluster and state", { cluster: "east", state: "unavailable" }, ["unavailable east reviews"], 1],
    ["namespace", { namespace: "bookinfo", state: "serving-locally" }, ["serving-locally east details"], 1],
    ["another namespace", { namespace: "other" }, [], 0],
    ["search on the FQDN, any case", { search: "PRODUCT" }, ["unknown west productpage"], 1],
    ["an unknown cluster", { cluster: "mars" }, [], 0],
    ["paged", { offset: 2, limit: 2 }, ["at-risk north details", "failed-over west details"], 7],
    ["paged and filtered", { search: "details", offset: 1, limit: 2 }, ["failed-over west details", "remote-only south details"], 4],
    ["past the end", { offset: 50 }, [], 7],
  ])("%s", (_, input, rows, total) => {
    expect(listed(input)).toEqual(rows);
    expect(page(input)).toMatchObject({ total, offset: input.offset ?? 0, version: full.version });
  });

  it("a row carries the words, the reason, the sentence and where its traffic goes", () => {
    const [failed] = page({ state: "failed-over" }).rows;
    expect(failed).toEqual({
      id: `svc:west/${DETAILS}`,
      cluster: "west",
      namespace: "bookinfo",
      fqdn: DETAILS,
      state: "failed-over",
      words: "Failed over",
      sentence: expect.stringMatching(/^Failed over to north through istio-system\/eastwest-gateway, then east through/),
      targets: [
        { cluster: "north", gateway: "istio-system/eastwest-gateway" },
        { cluster: "east", gateway: "istio-system/eastwest-gateway" },
      ],
    });
    expect(page({ state: "at-risk" }).rows[0]).toMatchObject({ cluster: "north", reasonWords: "no outlier detection", targets: [{ cluster: "east" }] });
    expect(page({ cluster: "south" }).rows[0]).toMatchObject({ id: `se:south/${DETAILS}`, targets: [{ cluster: "east" }, { cluster: "north" }] });
  });
});
