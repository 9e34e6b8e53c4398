// The Istio objects page's deliberate states as the server renders them: a stale cluster's objects are its last
// known ones (never hidden, never "none"), a never-seen cluster is unknown, and an empty table says which empty.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ObjectCluster, ObjectPage } from "@/server/objects/types";
import { NO_FILTERS, type ObjectFilters } from "./filters";
import { ClusterFreshnessNotes, EmptyObjects, ObjectsPager } from "./objects-states";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
const cluster = (name: string, over: Partial<ObjectCluster> = {}): ObjectCluster => ({ name, state: "synced", staleSince: null, everSynced: true, lastSyncAt: "2026-12-05T01:00:00Z", error: null, objects: 3, ...over });
const page = (over: Partial<ObjectPage> = {}): ObjectPage => ({ rows: [], total: 0, offset: 0, limit: 50, all: 0, clusters: [cluster("west")], namespaces: [], revision: 1, ...over });

describe("ClusterFreshnessNotes", () => {
  it.each<[string, ObjectCluster[], string | undefined, string]>([
    ["all synced: nothing", [cluster("west")], undefined, ""],
    [
      "stale, seen before: its objects are the last known, since when, why",
      [cluster("east", { state: "stale", staleSince: "2026-12-05T02:00:05Z", objects: 7, error: { reason: "refused", message: "The API server of east refused the connection." } })],
      undefined,
      "east is stale since 02:00:05 UTC : its 7 objects below are the last known ones. The API server of east refused the connection.",
    ],
    ["stale, never seen: unknown, not none", [cluster("north", { state: "stale", staleSince: "2026-12-05T02:00:05Z", everSynced: false, objects: 0 })], undefined, "north is stale since 02:00:05 UTC : it has never been seen, so its objects are unknown (not none)."],
    ["syncing again", [cluster("east", { state: "syncing" })], undefined, "east is syncing : its objects below are the last known ones until it has been listed again."],
    ["filtered to another cluster: not shown", [cluster("east", { state: "syncing" })], "west", ""],
  ])("%s", (_name, clusters, only, expected) => {
    expect(text(renderToStaticMarkup(<ClusterFreshnessNotes clusters={clusters} {...(only ? { only } : {})} />))).toBe(expected);
  });
});

describe("EmptyObjects", () => {
  const filtered: ObjectFilters = { ...NO_FILTERS, cluster: "north", kind: "Gateway" };
  it.each<[string, ObjectPage, ObjectFilters, string]>([
    ["no cluster at all", page({ clusters: [] }), NO_FILTERS, "The kubeconfig names no cluster: there are no objects to list."],
    ["none anywhere", page(), NO_FILTERS, "No cluster holds a ServiceEntry, WorkloadEntry, DestinationRule or Gateway."],
    ["none anywhere, a cluster not seen yet", page({ clusters: [cluster("west"), cluster("north", { state: "syncing", everSynced: false })] }), NO_FILTERS, "not been seen yet, so this may change."],
    ["filters match nothing", page({ all: 5, clusters: [cluster("north")] }), filtered, "No object matches these filters. Clear filters"],
    ["filtered to a cluster never seen", page({ all: 5, clusters: [cluster("north", { state: "stale", everSynced: false })] }), filtered, "north has not been seen yet: its objects are unknown. Clear filters"],
  ])("%s", (_name, p, f, expected) => {
    expect(text(renderToStaticMarkup(<EmptyObjects page={p} filters={f} onClear={() => undefined} />))).toContain(expected);
  });
});

describe("ObjectsPager", () => {
  it.each<[Partial<ObjectPage>, number, string]>([
    [{ rows: new Array(50), total: 120, all: 120, offset: 50 }, 2, "51–100 of 120 Previous Page 2 of 3 Next"],
    [{ rows: new Array(4), total: 4, all: 22, offset: 0 }, 1, "1–4 of 4 (22 in all) Previous Page 1 of 1 Next"],
  ])("%o on page %i", (over, current, expected) => {
    const html = renderToStaticMarkup(<ObjectsPager page={page(over)} current={current} onPage={() => undefined} />);
    expect(text(html)).toBe(expected);
  });

  it("the last page cannot go on, the first cannot go back", () => {
    const html = renderToStaticMarkup(<ObjectsPager page={page({ rows: new Array(20), total: 120, all: 120, offset: 100 })} current={3} onPage={() => undefined} />);
    expect(html.match(/disabled=""/g)).toHaveLength(1);
    expect(html).toMatch(/disabled="">Next/);
  });
});
