import { describe, expect, it } from "vitest";
import type { PlanInput } from "@/lib/plan/input";
import { plan } from "@/lib/plan/plan";
import { DETAILS, REVIEWS, seedInput } from "@/lib/plan/test-fixtures";
import type { Freshness } from "@/lib/readiness/context";
import { gatewayKey, type GatewayPods } from "@/lib/readiness/gateway-pods";
import type { ObservedCluster, ObservedObject } from "@/lib/registry/types";
import { failoverStates } from "./failover-state";
import { createShadowMemo, failoverInputFrom, type ModelFacts } from "./from-model";
import { brief, rowOf } from "./test-helpers";
import type { EndpointCount } from "./types";

const PRODUCTPAGE = "productpage.bookinfo.svc.cluster.local";

/** The seed after the registry reconciled: every planned object observed, its DestinationRules in the input too. */
function reconciled(input: PlanInput): { input: PlanInput; observed: ObservedCluster[] } {
  const planned = plan(input).clusters;
  const clusters = input.clusters.map((c) => ({
    ...c,
    destinationRules: (planned[c.name] ?? [])
      .filter((o) => o.kind === "DestinationRule")
      .map((o) => ({ namespace: o.metadata.namespace, name: o.metadata.name, host: String(o.spec.host), managedByUs: true, hasOutlierDetection: true })),
  }));
  const observed = input.clusters.map((c) => ({
    name: c.name,
    stale: c.stale,
    objects: (planned[c.name] ?? []).map((o) => ({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name, uid: "", resourceVersion: "1", labels: o.metadata.labels, annotations: o.metadata.annotations, spec: o.spec, managers: [] })),
  }));
  return { input: { ...input, clusters }, observed };
}

type Options = { endpoints?: Record<string, EndpointCount | undefined>; pods?: Record<string, number>; stale?: string; setting?: boolean };

function facts(options: Options = {}): ModelFacts {
  const seed = seedInput({ northGateway: true });
  const withStale = { ...seed, clusters: seed.clusters.map((c) => ({ ...c, stale: c.name === options.stale })) };
  const { input, observed } = reconciled(withStale);
  const ws = input.workspaces[0];
  if (!ws) throw new Error("seed has no workspace");
  const workspace = options.setting === false ? { name: ws.name, namespaceSelector: ws.namespaceSelector } : ws;
  const gatewayPods = new Map<string, GatewayPods>(input.clusters.map((c) => [gatewayKey(c.name, "bookinfo", "eastwest-gateway"), { ready: options.pods?.[c.name] ?? 2, total: 2, crashLooping: 0 }]));
  const freshness = new Map<string, Freshness>(options.stale ? [[options.stale, { staleSince: "2026-12-05T01:00:00Z" }]] : []);
  const readyEndpoints = (cluster: string, fqdn: string) => {
    const key = `${cluster} ${fqdn.split(".")[0] ?? ""}`;
    return options.endpoints && key in options.endpoints ? options.endpoints[key] : { ready: 1, total: 1 };
  };
  return { input, workspace, observed, gatewayPods, freshness, readyEndpoints };
}

describe("failoverInputFrom", () => {
  it.each<[string, Options, string, string, string]>([
    ["west details, everything reconciled", {}, "west", DETAILS, "serving-locally east"],
    ["north consumes details through its ServiceEntry", {}, "north", DETAILS, "remote-only reachable"],
    ["productpage runs everywhere but is not exposed", {}, "west", PRODUCTPAGE, "at-risk not-exposed"],
    ["details-v1 at 0 in west", { endpoints: { "west details": { ready: 0, total: 1 } } }, "west", DETAILS, "failed-over east"],
    ["east's gateway pods not ready", { pods: { east: 0 } }, "west", REVIEWS, "at-risk gateway-not-ready"],
    ["endpoints not known", { endpoints: { "west details": undefined } }, "west", DETAILS, "unknown endpoints-unknown"],
    ["east stale, seen from west", { stale: "east" }, "west", DETAILS, "at-risk remote-cluster-stale"],
    ["east stale, itself", { stale: "east" }, "east", DETAILS, "unknown cluster-stale"],
  ])("%s", (_, options, cluster, fqdn, expected) => {
    expect(brief(rowOf(failoverStates(failoverInputFrom(facts(options))), cluster, fqdn))).toBe(expected);
  });

  it("builds each cluster's facts from the model", () => {
    const west = failoverInputFrom(facts({ stale: "west" })).clusters.find((c) => c.name === "west");
    expect(west).toMatchObject({
      stale: true,
      staleSince: "2026-12-05T01:00:00Z",
      locality: "us-west1/us-west1-a",
      gateways: [{ namespace: "bookinfo", name: "eastwest-gateway", readyPods: 2, addresses: ["127.0.1.1", "127.0.1.2", "127.0.1.3"] }],
      serviceEntries: [],
      outlierDetection: [DETAILS, REVIEWS],
    });
    expect(west?.services.map((s) => s.fqdn.split(".")[0])).toEqual(["details", "productpage", "ratings", "reviews"]);
    expect(west?.shadowEntries.find((w) => w.fqdn === DETAILS)?.addresses).toEqual(["127.0.2.1", "127.0.2.2", "127.0.2.3"]);
  });

  it("reads a workspace without a WorkspaceSetting as exposing nothing", () => {
    expect(failoverInputFrom(facts({ setting: false })).exposure).toEqual({ setting: false });
    expect(failoverInputFrom(facts()).exposure).toEqual({ setting: true, exposedServices: [DETAILS, REVIEWS] });
  });
});

describe("the shadow memo", () => {
  it("walks a cluster's WorkloadEntries again only when its observed objects or the selecting Services change", () => {
    const base = facts();
    const shadowMemo = createShadowMemo();
    const shadows = (f: ModelFacts) => new Map(failoverInputFrom(f).clusters.map((c) => [c.name, c.shadowEntries]));
    const first = shadows({ ...base, shadowMemo });
    // The same answer as without a memo.
    expect(first).toEqual(shadows(base));
    // Nothing changed: every cluster's entries are the very same arrays.
    for (const [name, entries] of shadows({ ...base, shadowMemo })) expect(entries, name).toBe(first.get(name));
    // West's observed objects changed (its shadows for details gone): west is walked again, the others are not.
    const selectsDetails = (o: ObservedObject) => o.kind === "WorkloadEntry" && ((o.spec as { labels?: Record<string, string> }).labels?.app ?? o.labels.app) === "details";
    const observed = base.observed.map((o) => (o.name === "west" ? { ...o, objects: o.objects.filter((x) => !selectsDetails(x)) } : o));
    const changed = shadows({ ...base, observed, shadowMemo });
    expect(first.get("west")?.find((w) => w.fqdn === DETAILS)).toBeDefined();
    expect(changed.get("west")?.find((w) => w.fqdn === DETAILS)).toBeUndefined();
    for (const [name, entries] of changed) if (name !== "west") expect(entries, name).toBe(first.get(name));
  });
});
