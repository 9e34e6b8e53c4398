import { describe, expect, it } from "vitest";
import type { DesiredObject } from "@/lib/plan/desired";
import { plan } from "@/lib/plan/plan";
import { seedInput } from "@/lib/plan/test-fixtures";
import { live } from "@/lib/registry/test-helpers";
import type { ObservedCluster } from "@/lib/registry/types";
import { clusterConsequences } from "./consequences";
import { heldByForeign } from "./foreign-holders";

const DETAILS = "details.bookinfo.svc.cluster.local";
const REVIEWS = "reviews.bookinfo.svc.cluster.local";
const before = plan(seedInput({ exposed: [DETAILS] }));
const after = plan(seedInput({ exposed: [DETAILS, REVIEWS] }));
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
  ])("%s", (_name, observed, expected) => {
    const byCluster = clusterConsequences(before, after, heldByForeign(observed, after));
    expect(byCluster.find((c) => c.cluster === "north")?.serviceEntries).toEqual({ removed: [], ...expected });
  });

  it("checks nothing without observed objects (observe mode: the console writes nothing)", () => {
    expect(clusterConsequences(before, after).find((c) => c.cluster === "north")?.serviceEntries.blocked).toEqual([]);
  });
});
