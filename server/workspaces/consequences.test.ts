import { describe, expect, it } from "vitest";
import type { DesiredObject } from "@/lib/plan/desired";
import type { PlanInput } from "@/lib/plan/input";
import { seedInput } from "@/lib/plan/test-fixtures";
import { live } from "@/lib/registry/test-helpers";
import type { ObservedCluster } from "@/lib/registry/types";
import { clusterConsequences, lossSentences } from "./consequences";
import { heldByForeign } from "./foreign-holders";
import { forkOf } from "./test/plan-fork";

const DETAILS = "details.bookinfo.svc.cluster.local";
const REVIEWS = "reviews.bookinfo.svc.cluster.local";
const { before, after, delta } = await forkOf(seedInput({ exposed: [DETAILS] }), () => seedInput({ exposed: [DETAILS, REVIEWS] }));
const SE = (fqdn: string) => `xcp-multicluster/global-gwinternal-${fqdn.replaceAll(".", "-")}`;

const planned = (cluster: string, kind: string, service: string): DesiredObject => {
  const found = (after.clusters[cluster] ?? []).find((o) => o.kind === kind && o.metadata.name.includes(service));
  if (!found) throw new Error(`the plan has no ${kind} for ${service} in ${cluster}`);
  return found;
};

/** north as it is live: what the plan wants there, some of it made by someone else under our names. */
function north(objects: ObservedCluster["objects"]): ObservedCluster[] {
  return [{ name: "north", stale: false, objects }];
}

describe("clusterConsequences in north when exposing reviews as well", () => {
  const reviewsSE = planned("north", "ServiceEntry", "reviews");
  const detailsSE = planned("north", "ServiceEntry", "details");
  it.each([
    ["nothing live: reviews is added", north([]), { added: [SE(REVIEWS)], unchanged: 1, blocked: [] }],
    ["our own objects live: the same", north([live(detailsSE), live(reviewsSE)]), { added: [SE(REVIEWS)], unchanged: 1, blocked: [] }],
    // kubectl-made copies: every mark but the registry's field manager.
    ["a foreign object holds reviews' name: blocked, not added", north([live(detailsSE), live(reviewsSE, { managers: ["kubectl-client-side-apply/Update"] })]), { added: [], unchanged: 1, blocked: [SE(REVIEWS)] }],
    ["a foreign object holds details' name: blocked, not kept", north([live(detailsSE, { managers: [] }), live(reviewsSE)]), { added: [SE(REVIEWS)], unchanged: 0, blocked: [SE(DETAILS)] }],
    ["only the label copied: still foreign", north([live(detailsSE), live(reviewsSE, { annotations: {}, managers: [] })]), { added: [], unchanged: 1, blocked: [SE(REVIEWS)] }],
  ])("%s", async (_name, observed, expected) => {
    const byCluster = await clusterConsequences(before, delta, heldByForeign(observed, after));
    expect(byCluster.find((c) => c.cluster === "north")?.serviceEntries).toEqual({ removed: [], ...expected });
  });

  it("checks nothing without observed objects (observe mode: the console writes nothing)", async () => {
    expect((await clusterConsequences(before, delta)).find((c) => c.cluster === "north")?.serviceEntries.blocked).toEqual([]);
  });
});

/** The sentences of the fork from `input` to `changed`. */
async function losses(input: PlanInput, changed: PlanInput, source: string, local: Parameters<typeof lossSentences>[3]) {
  const fork = await forkOf(input, () => changed);
  return lossSentences(fork.before, fork.delta, source, local);
}

describe("lossSentences when east's gateway is removed, judged by west's live endpoints", () => {
  const input = seedInput({ exposed: [DETAILS] });
  const withoutEast = { ...input, clusters: input.clusters.map((c) => (c.name === "east" ? { ...c, gateways: [] } : c)) };
  const lost = `${DETAILS} in west loses its east instance (no failover to east).`;
  it.each([
    ["endpoints unknown: the instance is lost, nothing more is claimed", undefined, lost],
    ["one of two local endpoints ready: west still serves details itself", { ready: 1, total: 2 }, lost],
    ["none of two ready: east's was the only working instance", { ready: 0, total: 2 }, `${DETAILS} becomes unreachable in west: none of its 2 local endpoints is ready, and east's is its only working instance.`],
    ["no local endpoint at all: the same", { ready: 0, total: 0 }, `${DETAILS} becomes unreachable in west: it has no local endpoints, and east's is its only working instance.`],
  ])("%s", async (_name, west, sentence) => {
    const sentences = await losses(input, withoutEast, "east", (cluster, fqdn) => (cluster === "west" && fqdn === DETAILS ? west : undefined));
    expect(sentences.filter((s) => s.includes(" west") && s.startsWith(DETAILS))).toEqual([sentence]);
  });
});

describe("lossSentences with another remote instance left", () => {
  it("north still serves details to west: west loses east's instance, not the service", async () => {
    const input = seedInput({ exposed: [DETAILS], north: ["productpage", "details"], northGateway: true });
    const withoutEast = { ...input, clusters: input.clusters.map((c) => (c.name === "east" ? { ...c, gateways: [] } : c)) };
    const sentences = await losses(input, withoutEast, "east", () => ({ ready: 0, total: 1 }));
    expect(sentences.filter((s) => s.startsWith(`${DETAILS} `) && s.includes(" west"))).toEqual([`${DETAILS} in west loses its east instance (no failover to east).`]);
  });
});

describe("lossSentences order", () => {
  it("says a service becoming unreachable before any lost instance", async () => {
    const input = seedInput({ exposed: [DETAILS, REVIEWS] });
    const withoutEast = { ...input, clusters: input.clusters.map((c) => (c.name === "east" ? { ...c, gateways: [] } : c)) };
    const sentences = await losses(input, withoutEast, "east", (cluster, fqdn) => (cluster === "west" && fqdn === REVIEWS ? { ready: 0, total: 1 } : undefined));
    expect(sentences[0]).toBe(`${REVIEWS} becomes unreachable in west: its one local endpoint is not ready, and east's is its only working instance.`);
    expect(sentences.slice(1).some((s) => s.includes("becomes unreachable"))).toBe(false);
  });
});
