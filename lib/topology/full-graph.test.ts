// The full topology: a stale cluster's services Unknown (never Unavailable), the deliberate empty states, the
// worst state of a service over workspaces with that workspace's edges, group counts, and a version that changes
// only with what is drawn.
import { describe, expect, it } from "vitest";
import { DETAILS, REVIEWS, bookinfo, edit, endpoints, pipe } from "@/lib/failover/test-helpers";
import type { FailoverInput } from "@/lib/failover/types";
import { aggregate } from "./aggregate";
import { fullTopology } from "./full-graph";
import { graphView } from "./graph";
import { AT, EVERYTHING, cl, gw, ns, part, svc, topologyOf } from "./test-fleet";

const stale = (name: string) => (i: FailoverInput) => edit(i, name, () => ({ stale: true, staleSince: "2026-12-05T01:00:00Z" }));
const down = (cluster: string, fqdn: string) => (i: FailoverInput) => endpoints(i, cluster, fqdn, { ready: 0, total: 1 });

describe("full topology", () => {
  it("a stale cluster's services are Unknown, never Unavailable, and the cluster says since when", () => {
    const full = topologyOf(pipe(bookinfo(), down("west", DETAILS), stale("west")));
    const nodes = aggregate(full, EVERYTHING).nodes;
    expect(nodes.find((n) => n.id === cl("west"))).toMatchObject({ stale: true, staleSince: "2026-12-05T01:00:00Z", counts: { unknown: 3 }, worst: "unknown" });
    expect(nodes.find((n) => n.id === svc("west", DETAILS))).toMatchObject({ state: "unknown", words: "Unknown" });
    expect(full.counts.unavailable).toBeUndefined();
  });

  it.each<[string, Parameters<typeof fullTopology>[0], string | undefined]>([
    ["no cluster at all", { clusters: [], workspaces: [], computedAt: AT }, "no-clusters"],
    ["clusters but no workspace (fleet)", { clusters: [{ name: "west", stale: false }], workspaces: [], computedAt: AT }, "no-workspaces"],
    ["a workspace over clusters running nothing", { workspace: "ws", clusters: [{ name: "west", stale: false }], workspaces: [part({ clusters: [], exposure: { setting: false } }, "ws")], computedAt: AT }, "no-services"],
    ["bookinfo", { clusters: bookinfo().clusters, workspaces: [part(bookinfo())], computedAt: AT }, undefined],
  ])("empty state: %s", (_, source, empty) => {
    const view = graphView(fullTopology(source), []);
    expect(view.empty).toBe(empty);
    if (empty === "no-workspaces") expect(view.nodes.map((n) => n.id)).toEqual([cl("west")]);
  });

  it("over several workspaces a service is drawn once per cluster, with its worst state and that state's edges", () => {
    const healthy = part(bookinfo(), "a");
    const broken = part(down("east", REVIEWS)(bookinfo()), "b");
    const full = fullTopology({ clusters: bookinfo().clusters, workspaces: [healthy, broken], computedAt: AT });
    const { nodes, edges } = aggregate(full, EVERYTHING);
    expect(nodes.filter((n) => n.id === svc("west", REVIEWS))).toEqual([expect.objectContaining({ state: "at-risk", reason: "remote-instances-down" })]);
    expect(edges.find((e) => e.id === `failover:${svc("west", REVIEWS)}->${gw("east")}`)).toMatchObject({ status: "broken", count: 1 });
  });

  it("counts each group's services by state", () => {
    const full = topologyOf(down("east", REVIEWS)(bookinfo()));
    // details in west, east and north; reviews in west (its only remote down) and east (failed over); productpage
    // runs in west alone; south consumes details.
    expect(full.counts).toEqual({ "serving-locally": 3, "at-risk": 2, "failed-over": 1, "remote-only": 1 });
    const nodes = aggregate(full, [cl("east")]).nodes;
    expect(nodes.find((n) => n.id === ns("east"))).toMatchObject({ counts: { "failed-over": 1, "serving-locally": 1 }, worst: "failed-over", services: 2 });
  });

  it("the version is the same for the same data, and changes with a state", () => {
    const one = topologyOf(bookinfo());
    const two = fullTopology({ workspace: "bookinfo-ws", clusters: bookinfo().clusters, workspaces: [part(bookinfo())], computedAt: "2027-01-01T00:00:00.000Z" });
    expect(two.version).toBe(one.version);
    expect(topologyOf(down("west", DETAILS)(bookinfo())).version).not.toBe(one.version);
    expect(topologyOf(endpoints(bookinfo(), "west", DETAILS, { ready: 2, total: 2 })).version).not.toBe(one.version);
  });
});
