import { describe, expect, it } from "vitest";
import { shadowHash } from "@/lib/names/object-names";
import { MANAGED_BY_LABEL, SOURCE_CLUSTERS_ANNOTATION } from "./desired";
import type { PlanInput } from "./input";
import { plan } from "./plan";
import { bookinfoCluster, BOOKINFO, DETAILS, GATEWAY_IPS, listing, REVIEWS, seedInput } from "./test-fixtures";

const hash = (source: string, svc: string) => shadowHash(source, "bookinfo", svc);
const shadows = (source: string, svc: string, ips: string[]) =>
  [...ips].sort().map((address, i) => ({ kind: "WorkloadEntry", namespace: "bookinfo", name: `k-${svc}-${hash(source, svc)}${i === 0 ? "" : `-${i + 1}`}`, address }));
const entry = (fqdn: string) => ({ kind: "ServiceEntry", namespace: "xcp-multicluster", name: `global-gwinternal-${fqdn.replaceAll(".", "-")}` });

describe("plan: the seed's listings", () => {
  const result = plan(seedInput());

  it.each([
    ["west", [...shadows("east", "details", GATEWAY_IPS.east ?? []), ...shadows("east", "reviews", GATEWAY_IPS.east ?? [])]],
    ["east", [...shadows("west", "details", GATEWAY_IPS.west ?? []), ...shadows("west", "reviews", GATEWAY_IPS.west ?? [])]],
    ["north", []],
  ])("kubectl get workloadentries -n bookinfo in %s", (cluster, expected) => {
    expect(listing(result.clusters[cluster] ?? [], "WorkloadEntry", "bookinfo")).toEqual(expected);
  });

  it("names west's entries k-details-<hash>, -2, -3 with east's three gateway addresses", () => {
    const rows = listing(result.clusters.west ?? [], "WorkloadEntry").map((r) => `${r.name} ${r.address ?? ""}`);
    expect(rows.slice(0, 3)).toEqual([
      `k-details-${hash("east", "details")} 127.0.2.1`,
      `k-details-${hash("east", "details")}-2 127.0.2.2`,
      `k-details-${hash("east", "details")}-3 127.0.2.3`,
    ]);
  });

  it.each([
    ["west", []],
    ["east", []],
    ["north", [entry(DETAILS), entry(REVIEWS)]],
  ])("kubectl get serviceentry -n xcp-multicluster in %s", (cluster, expected) => {
    expect(listing(result.clusters[cluster] ?? [], "ServiceEntry", "xcp-multicluster")).toEqual(expected);
  });

  it("lists every source gateway address in north's ServiceEntry, west's then east's", () => {
    const se = result.clusters.north?.find((o) => o.kind === "ServiceEntry" && o.metadata.name === entry(DETAILS).name);
    const endpoints = (se?.spec.endpoints ?? []) as Array<{ address: string; network: string }>;
    expect(endpoints.map((e) => `${e.network} ${e.address}`)).toEqual([
      "network-east 127.0.2.1", "network-east 127.0.2.2", "network-east 127.0.2.3",
      "network-west 127.0.1.1", "network-west 127.0.1.2", "network-west 127.0.1.3",
    ]);
    expect(se?.metadata.annotations[SOURCE_CLUSTERS_ANNOTATION]).toBe("east,west");
  });

  it("deploying details in north replaces north's details ServiceEntry by shadow WorkloadEntries", () => {
    const after = plan(seedInput({ north: ["productpage", "details"] }));
    const north = after.clusters.north ?? [];
    expect(listing(north, "ServiceEntry")).toEqual([entry(REVIEWS)]);
    expect(listing(north, "WorkloadEntry", "bookinfo")).toEqual([
      ...shadows("east", "details", GATEWAY_IPS.east ?? []),
      ...shadows("west", "details", GATEWAY_IPS.west ?? []),
    ].sort((a, b) => (a.name < b.name ? -1 : 1)));
    expect(hash("east", "details")).not.toBe(hash("west", "details"));
  });

  it("gives every object the ownership label", () => {
    const all = Object.values(result.clusters).flat();
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((o) => o.metadata.labels[MANAGED_BY_LABEL] === "eastwest-console")).toBe(true);
  });

  it("plans one passthrough Gateway per source gateway, hosting what that cluster exposes", () => {
    for (const cluster of ["west", "east"]) {
      const gateways = (result.clusters[cluster] ?? []).filter((o) => o.kind === "Gateway");
      expect(gateways.map((g) => [g.metadata.namespace, g.metadata.name])).toEqual([["bookinfo", "eastwest-gateway-passthrough"]]);
      expect(gateways[0]?.spec.servers).toEqual([
        { port: { number: 15443, name: "tls", protocol: "TLS" }, tls: { mode: "AUTO_PASSTHROUGH" }, hosts: [DETAILS, REVIEWS] },
      ]);
    }
    expect((result.clusters.north ?? []).some((o) => o.kind === "Gateway")).toBe(false);
  });

  it("notes that north has no east-west gateway", () => {
    expect(result.conditions.filter((c) => c.severity !== "info")).toEqual([]);
    expect(result.conditions.map((c) => [c.reason, c.cluster])).toEqual([["NoMatchingGateway", "north"]]);
  });
});

const reversed = (input: PlanInput): PlanInput => ({
  ...input,
  clusters: [...input.clusters].reverse().map((c) => ({ ...c, services: [...c.services].reverse() })),
});

describe("plan: determinism", () => {
  it.each([
    ["same input twice", seedInput(), seedInput()],
    ["clusters and services in another order", seedInput(), reversed(seedInput())],
  ])("%s → byte-identical output", (_, a, b) => {
    expect(JSON.stringify(plan(a))).toBe(JSON.stringify(plan(b)));
  });

  it("lists every input cluster, even with nothing to hold", () => {
    expect(Object.keys(plan({ clusters: [bookinfoCluster("b", [], false), bookinfoCluster("a", [], false)], workspaces: [] }).clusters)).toEqual(["a", "b"]);
  });
});

describe("plan: objects follow their source (§3.5)", () => {
  const base = plan(seedInput());
  const ids = (r: ReturnType<typeof plan>, c: string) => (r.clusters[c] ?? []).map((o) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`);
  const withEast = (change: (input: PlanInput) => void) => {
    const input = seedInput();
    change(input);
    return plan(input);
  };

  it.each([
    ["un-exposing reviews", plan(seedInput({ exposed: [DETAILS] })), "reviews"],
    ["deleting reviews in east and west", withEast((i) => i.clusters.forEach((c) => (c.services = c.services.filter((s) => s.name !== "reviews")))), "reviews"],
  ])("%s removes every reviews object", (_, after, svc) => {
    for (const cluster of ["west", "east", "north"]) {
      expect(ids(after, cluster).filter((id) => id.includes(svc))).toEqual([]);
      expect(ids(after, cluster).filter((id) => id.includes("details"))).toEqual(ids(base, cluster).filter((id) => id.includes("details")));
    }
  });

  it.each([
    ["removing east's gateway", (i: PlanInput) => { const east = i.clusters.find((c) => c.name === "east"); if (east) east.gateways = []; }],
    ["deleting details and reviews in east", (i: PlanInput) => { const east = i.clusters.find((c) => c.name === "east"); if (east) east.services = east.services.filter((s) => !["details", "reviews"].includes(s.name)); }],
  ])("%s removes what came from east", (_, change) => {
    const after = withEast(change);
    const fromEast = (r: ReturnType<typeof plan>, c: string) =>
      (r.clusters[c] ?? []).filter((o) => o.metadata.annotations[SOURCE_CLUSTERS_ANNOTATION]?.split(",").includes("east"));
    expect(fromEast(base, "west").length).toBeGreaterThan(0);
    expect(fromEast(after, "west")).toEqual([]);
    const se = after.clusters.north?.find((o) => o.kind === "ServiceEntry");
    expect((se?.spec.endpoints as Array<{ network: string }>).map((e) => e.network)).toEqual(["network-west", "network-west", "network-west"]);
  });
});

describe("plan: partitions", () => {
  const stale = seedInput();
  for (const c of stale.clusters) if (c.name === "east") c.stale = true;
  const result = plan(stale);
  const fresh = plan(seedInput());

  it("still plans everything generated from a stale source cluster's last known state", () => {
    expect(result.clusters).toEqual(fresh.clusters);
  });

  it("holds back writes to the stale cluster and says so", () => {
    expect(result.heldBack).toEqual([{ cluster: "east", objects: fresh.clusters.east?.length ?? 0, message: expect.stringContaining("east is stale") }]);
    expect(result.conditions.map((c) => c.reason)).toContain("StaleCluster");
    expect(fresh.heldBack).toEqual([]);
  });
});

describe("plan: bad input never throws", () => {
  it.each([
    ["an exposed service that exists nowhere", seedInput({ exposed: [DETAILS, "nope.bookinfo.svc.cluster.local"] }), "ExposedServiceNotFound"],
    ["a malformed exposed service", seedInput({ exposed: [DETAILS, "details.bookinfo"] }), "InvalidExposedService"],
    ["a duplicate cluster", { ...seedInput(), clusters: [...seedInput().clusters, bookinfoCluster("west", [], false)] }, "DuplicateCluster"],
  ])("%s → a condition, and the rest is still planned", (_, input, reason) => {
    const result = plan(input);
    expect(result.conditions.map((c) => c.reason)).toContain(reason);
    expect(listing(result.clusters.north ?? [], "ServiceEntry")).toContainEqual(entry(DETAILS));
  });

  it.each([["absent" as const], [[]]])("exposes every service of the workspace when the list is %j, except the gateway's own Service", (exposed) => {
    const result = plan(seedInput({ exposed }));
    const hosts = listing(result.clusters.north ?? [], "ServiceEntry").map((r) => r.name);
    expect(hosts).toEqual(BOOKINFO.filter((s) => s !== "productpage").map((s) => entry(`${s}.bookinfo.svc.cluster.local`).name));
  });
});
