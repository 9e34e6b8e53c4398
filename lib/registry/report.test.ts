import { describe, expect, it } from "vitest";
import { CONTENT_HASH_ANNOTATION } from "@/lib/plan/desired";
import { plan } from "@/lib/plan/plan";
import { seedInput } from "@/lib/plan/test-fixtures";
import { propagation } from "./propagation";
import { expectedVsActual } from "./report";
import { converged, live } from "./test-helpers";
import { defaultScope, ownershipOf } from "./compare";
import type { ObservedCluster, ObservedObject } from "./types";

const planned = plan(seedInput());
const northSe = (planned.clusters.north ?? []).find((o) => o.kind === "ServiceEntry");
if (!northSe) throw new Error("fixture");
const onlyNorth = (objects: ObservedCluster["objects"]): ObservedCluster[] => converged(planned).map((c) => (c.name === "north" ? { ...c, objects } : c));

describe("expectedVsActual", () => {
  it.each([
    ["standalone", "missing", onlyNorth([]), (planned.clusters.north ?? []).length],
    ["standalone", "different", onlyNorth([live(northSe, { annotations: { ...northSe.metadata.annotations, [CONTENT_HASH_ANNOTATION]: "0".repeat(32) } })]), 1],
    ["standalone", "different", onlyNorth([live(northSe, { spec: { ...northSe.spec, endpoints: [{ address: "203.0.113.99" }] } })]), 1],
    ["standalone", "foreign", onlyNorth([live(northSe, { labels: {} })]), 1],
    ["standalone", "extra", onlyNorth([...converged(planned).find((c) => c.name === "north")?.objects ?? [], live(northSe, { name: "global-gwinternal-old" })]), 1],
    ["observe", "different", onlyNorth([live(northSe, { labels: {}, annotations: {}, spec: { ...northSe.spec, endpoints: [] } })]), 1],
    ["observe", "extra", onlyNorth([live(northSe, { labels: {}, name: "xcp-made-this" })]), 1],
  ] as const)("%s: %s", (mode, field, observed, count) => {
    const north = expectedVsActual(planned, observed, mode).find((r) => r.cluster === "north");
    expect(north?.[field]).toHaveLength(count);
    expect(north?.[field][0]?.reason).toMatch(/\w/);
  });

  it("says which spec fields differ", () => {
    const observed = onlyNorth([live(northSe, { labels: {}, annotations: {}, spec: { ...northSe.spec, endpoints: [] } })]);
    const north = expectedVsActual(planned, observed, "observe").find((r) => r.cluster === "north");
    expect(north?.different[0]?.reason).toBe("spec.endpoints differ from the plan");
  });

  it("is all in sync when converged", () => {
    for (const r of expectedVsActual(planned, converged(planned), "standalone")) expect(r.inSync).toBe(r.expected);
  });
});

describe("propagation", () => {
  it("lists which clusters have each exposed service, and since when", () => {
    const observed = converged(planned).map((c) => (c.name === "west" ? { ...c, objects: [] } : c));
    const details = propagation(planned, observed).find((p) => p.fqdn === "details.bookinfo.svc.cluster.local");
    expect(details?.clusters.map((c) => [c.cluster, c.state, c.since ?? null])).toEqual([
      ["east", "complete", "2026-01-01T00:00:00Z"],
      ["north", "complete", "2026-01-01T00:00:00Z"],
      ["west", "pending", null],
    ]);
  });

  it("counts a foreign object under a planned name as a conflict, not as present, when only proved objects count", () => {
    const observed = converged(planned).map((c) => (c.name === "north" ? { ...c, objects: c.objects.map((o) => (o.kind === "ServiceEntry" ? { ...o, managers: ["kubectl-edit/Update"] } : o)) } : c));
    const owned = (cluster: string, o: ObservedObject) => ownershipOf(o, defaultScope(planned.clusters[cluster] ?? [])).owned;
    const details = propagation(planned, observed, owned).find((p) => p.fqdn === "details.bookinfo.svc.cluster.local");
    expect(details?.clusters.find((c) => c.cluster === "north")?.state).toBe("conflict");
    expect(propagation(planned, observed).find((p) => p.fqdn === "details.bookinfo.svc.cluster.local")?.clusters.find((c) => c.cluster === "north")?.state).toBe("complete");
  });

  it("marks a stale cluster stale", () => {
    const observed = converged(planned).map((c) => (c.name === "north" ? { ...c, stale: true } : c));
    const details = propagation(planned, observed).find((p) => p.fqdn === "details.bookinfo.svc.cluster.local");
    expect(details?.clusters.find((c) => c.cluster === "north")?.state).toBe("stale");
  });
});

describe("expectedVsActual with a kind the snapshot does not carry", () => {
  it("lists its planned objects as unverified, not missing", () => {
    const observed = converged(planned).map((c) => (c.name === "west" ? { ...c, objects: c.objects.filter((o) => o.kind !== "Gateway"), unobservedKinds: ["Gateway" as const] } : c));
    const west = expectedVsActual(planned, observed, "standalone").find((r) => r.cluster === "west");
    expect(west?.missing).toEqual([]);
    expect(west?.unverified.map((u) => u.name)).toEqual(["eastwest-gateway-passthrough"]);
  });
});
