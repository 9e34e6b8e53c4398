import { describe, expect, it } from "vitest";
import { plan } from "@/lib/plan/plan";
import { seedInput } from "@/lib/plan/test-fixtures";
import { defaultScope, ownershipOf } from "./compare";
import { propagation, type Counts } from "./propagation";
import { converged } from "./test-helpers";
import type { ObservedCluster } from "./types";

const DETAILS = "details.bookinfo.svc.cluster.local";
const planned = plan(seedInput({ exposed: [DETAILS] }));
const proved: Counts = (cluster, o) => ownershipOf(o, defaultScope(planned.clusters[cluster] ?? [])).owned;

/** north as applied, except its ServiceEntry for details, which someone else made under our name. */
function northForeign(): ObservedCluster[] {
  return converged(planned).map((c) =>
    c.name !== "north" ? c : { ...c, objects: c.objects.map((o) => (o.kind === "ServiceEntry" ? { ...o, managers: ["kubectl-client-side-apply/Update"] } : o)) },
  );
}

describe("propagation", () => {
  it.each<[string, ObservedCluster[], Counts | undefined, { state: string; foreign?: number }]>([
    ["everything applied and ours: received", converged(planned), proved, { state: "complete" }],
    ["a foreign object under the planned name: a conflict, never complete", northForeign(), proved, { state: "conflict", foreign: 1 }],
    ["observe mode counts whatever is there", northForeign(), undefined, { state: "complete" }],
    ["north stale: unknown", converged(planned).map((c) => (c.name === "north" ? { ...c, stale: true } : c)), proved, { state: "stale" }],
  ])("%s", (_name, observed, counts, expected) => {
    const north = propagation(planned, observed, counts).find((s) => s.fqdn === DETAILS)?.clusters.find((c) => c.cluster === "north");
    expect(north).toMatchObject(expected);
    if (expected.foreign === undefined) expect(north).not.toHaveProperty("foreign");
  });
});
