import { describe, expect, it } from "vitest";
import { failoverStates, isExposed } from "./failover-state";
import { ADDRESSES, DETAILS, PRODUCTPAGE, REVIEWS, bookinfo, brief, edit, endpoints, pipe, rowOf } from "./test-helpers";
import type { FailoverInput } from "./types";

const zero = { ready: 0, total: 1 };
const noGateway = (name: string) => (i: FailoverInput) => edit(i, name, () => ({ gateways: [] }));
const gatewayDown = (name: string) => (i: FailoverInput) => edit(i, name, (c) => ({ gateways: c.gateways.map((g) => ({ ...g, readyPods: 0 })) }));
const stale = (name: string) => (i: FailoverInput) => edit(i, name, () => ({ stale: true, staleSince: "2026-12-05T01:00:00Z" }));
const down = (cluster: string, fqdn: string) => (i: FailoverInput) => endpoints(i, cluster, fqdn, zero);
const noShadows = (cluster: string, fqdn: string) => (i: FailoverInput) => edit(i, cluster, (c) => ({ shadowEntries: c.shadowEntries.filter((w) => w.fqdn !== fqdn) }));
const noOutlier = (cluster: string, fqdn: string) => (i: FailoverInput) => edit(i, cluster, (c) => ({ outlierDetection: c.outlierDetection.filter((h) => h !== fqdn) }));

describe("failoverStates", () => {
  it.each<[string, FailoverInput, string, string, string]>([
    ["healthy: served locally, failing over nearest first (north shares west's region)", bookinfo(), "west", DETAILS, "serving-locally north>east"],
    ["healthy, from east: no locality shared, so by name", bookinfo(), "east", DETAILS, "serving-locally north>west"],
    ["details-v1 scaled to 0 in west", down("west", DETAILS)(bookinfo()), "west", DETAILS, "failed-over north>east"],
    ["west and north at 0: east alone", pipe(bookinfo(), down("west", DETAILS), down("north", DETAILS)), "west", DETAILS, "failed-over east"],
    ["reviews-v2 alone at 0 (2 of 3 endpoints ready) fails nothing over", endpoints(bookinfo(), "west", REVIEWS, { ready: 2, total: 3 }), "west", REVIEWS, "serving-locally east"],
    ["every reviews version at 0 fails over", endpoints(bookinfo(), "west", REVIEWS, { ready: 0, total: 3 }), "west", REVIEWS, "failed-over east"],
    ["failed over without outlier detection still reaches east", pipe(bookinfo(), down("west", REVIEWS), noOutlier("west", REVIEWS)), "west", REVIEWS, "failed-over east"],
    ["west's own gateway gone: its sidecars still dial remote gateways", noGateway("west")(bookinfo()), "west", DETAILS, "serving-locally north>east"],
    ["west's gateway gone, seen from east: north only", noGateway("west")(bookinfo()), "east", DETAILS, "serving-locally north"],
    ["runs in no other cluster", bookinfo(), "west", PRODUCTPAGE, "at-risk no-remote-instance"],
    ["not in the exposedServices list", { ...bookinfo(), exposure: { setting: true, exposedServices: [REVIEWS] } }, "west", DETAILS, "at-risk not-exposed north>east"],
    ["no WorkspaceSetting: nothing exposed", { ...bookinfo(), exposure: { setting: false } }, "west", REVIEWS, "at-risk not-exposed east"],
    ["no gateway in the remote", noGateway("east")(bookinfo()), "west", REVIEWS, "at-risk no-gateway"],
    ["remote gateway has no ready pod", gatewayDown("east")(bookinfo()), "west", REVIEWS, "at-risk gateway-not-ready"],
    ["no shadow WorkloadEntries", noShadows("west", REVIEWS)(bookinfo()), "west", REVIEWS, "at-risk no-shadow-workload-entries"],
    [
      "shadows carry an address the gateway no longer publishes",
      edit(bookinfo(), "west", (c) => ({ shadowEntries: c.shadowEntries.map((w) => (w.fqdn === REVIEWS ? { ...w, addresses: ["10.9.9.9"] } : w)) })),
      "west",
      REVIEWS,
      "at-risk no-shadow-workload-entries",
    ],
    ["no DestinationRule with outlier detection", noOutlier("west", REVIEWS)(bookinfo()), "west", REVIEWS, "at-risk no-outlier-detection east"],
    ["the only remote instance is down", down("east", REVIEWS)(bookinfo()), "west", REVIEWS, "at-risk remote-instances-down"],
    ["every remote instance down", pipe(bookinfo(), down("north", DETAILS), down("east", DETAILS)), "west", DETAILS, "at-risk remote-instances-down"],
    ["one remote down, the other's gateway not ready: the gateway is what to fix", pipe(bookinfo(), down("north", DETAILS), gatewayDown("east")), "west", DETAILS, "at-risk gateway-not-ready"],
    ["remote cluster stale", stale("east")(bookinfo()), "west", REVIEWS, "at-risk remote-cluster-stale"],
    ["local at 0 and the remote stale: never Unavailable", pipe(bookinfo(), stale("east"), down("west", REVIEWS)), "west", REVIEWS, "at-risk remote-cluster-stale"],
    ["remote endpoints unknown", endpoints(bookinfo(), "east", REVIEWS, undefined), "west", REVIEWS, "at-risk remote-endpoints-unknown"],
    ["local and remote at 0", pipe(bookinfo(), down("west", REVIEWS), down("east", REVIEWS)), "west", REVIEWS, "unavailable"],
    ["local at 0 and the remote unreachable", pipe(bookinfo(), down("west", REVIEWS), noGateway("east")), "west", REVIEWS, "unavailable"],
    ["local at 0 and not exposed", pipe({ ...bookinfo(), exposure: { setting: false } }, down("west", REVIEWS), noShadows("west", REVIEWS)), "west", REVIEWS, "unavailable"],
    ["stale cluster", stale("west")(bookinfo()), "west", DETAILS, "unknown cluster-stale"],
    ["stale cluster whose last known state had 0 endpoints", pipe(bookinfo(), down("west", DETAILS), stale("west")), "west", DETAILS, "unknown cluster-stale"],
    ["local endpoints unknown", endpoints(bookinfo(), "west", DETAILS, undefined), "west", DETAILS, "unknown endpoints-unknown"],
    ["consumed through a ServiceEntry", bookinfo(), "south", DETAILS, "remote-only reachable"],
    ["ServiceEntry with every source down", pipe(bookinfo(), down("west", DETAILS), down("east", DETAILS), down("north", DETAILS)), "south", DETAILS, "unavailable"],
    ["ServiceEntry: one source stale, the others down", pipe(bookinfo(), down("west", DETAILS), down("east", DETAILS), stale("north")), "south", DETAILS, "remote-only unreachable"],
    ["ServiceEntry in a stale cluster", stale("south")(bookinfo()), "south", DETAILS, "unknown cluster-stale"],
  ])("%s", (_, input, cluster, fqdn, expected) => {
    expect(brief(rowOf(failoverStates(input), cluster, fqdn))).toBe(expected);
  });

  it("names the gateways and the addresses dialled, in order", () => {
    const input = pipe(bookinfo(), down("west", DETAILS), (i) => edit(i, "west", (c) => ({ shadowEntries: c.shadowEntries.map((w) => (w.fqdn === DETAILS ? { ...w, addresses: w.addresses.slice(0, 1) } : w)) })));
    expect(rowOf(failoverStates(input), "west", DETAILS).state).toEqual({
      kind: "failed-over",
      endpoints: zero,
      targets: [
        { cluster: "north", gateway: "istio-system/eastwest-gateway", addresses: ["10.0.3.1"] },
        { cluster: "east", gateway: "istio-system/eastwest-gateway", addresses: ["10.0.2.1"] },
      ],
    });
  });

  it("says since when a stale cluster is stale", () => {
    expect(rowOf(failoverStates(stale("west")(bookinfo())), "west", REVIEWS).state).toEqual({ kind: "unknown", why: "cluster-stale", since: "2026-12-05T01:00:00Z" });
  });

  it("tells, for a ServiceEntry, each source's problem and the addresses no source publishes", () => {
    const input = edit(bookinfo(), "south", () => ({ serviceEntries: [{ hosts: [DETAILS], addresses: [...(ADDRESSES.west ?? []), ...(ADDRESSES.east ?? []), "10.7.7.7"] }] }));
    const state = rowOf(failoverStates(input), "south", DETAILS).state;
    expect(state).toMatchObject({ kind: "remote-only", reachable: true, unmatchedAddresses: ["10.7.7.7"] });
    expect(state.kind === "remote-only" && state.remotes.map((r) => (r.ok ? `${r.cluster} ok` : `${r.cluster} ${r.problem}`))).toEqual(["east ok", "north not-in-service-entry", "west ok"]);
  });

  it("lists each cluster's services and consumed hosts once, clusters by name then FQDN", () => {
    expect(failoverStates(bookinfo()).map((r) => `${r.cluster} ${r.fqdn.split(".")[0] ?? ""}`)).toEqual([
      "east details", "east reviews", "north details", "south details", "west details", "west productpage", "west reviews",
    ]);
  });

  it("ignores a ServiceEntry for a host the cluster runs itself (local instances win, domain.md §3.3)", () => {
    const input = edit(bookinfo(), "west", (c) => ({ serviceEntries: [{ hosts: [DETAILS], addresses: ["10.0.2.1"] }], shadowEntries: c.shadowEntries.filter((w) => w.fqdn !== DETAILS) }));
    const rows = failoverStates(input).filter((r) => r.cluster === "west" && r.fqdn === DETAILS);
    expect(rows.map(brief)).toEqual(["at-risk no-shadow-workload-entries"]);
  });
});

describe("isExposed", () => {
  it.each([
    [{ setting: false } as const, false],
    [{ setting: true } as const, true],
    [{ setting: true, exposedServices: [] }, true],
    [{ setting: true, exposedServices: [DETAILS] }, true],
    [{ setting: true, exposedServices: [REVIEWS] }, false],
  ])("%j → %s", (exposure, expected) => {
    expect(isExposed(exposure, DETAILS)).toBe(expected);
  });
});
