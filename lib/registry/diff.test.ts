import { describe, expect, it } from "vitest";
import { CONTENT_HASH_ANNOTATION, MANAGED_BY_LABEL } from "@/lib/plan/desired";
import { plan } from "@/lib/plan/plan";
import { seedInput } from "@/lib/plan/test-fixtures";
import { diff, type DiffInput } from "./diff";
import { converged, live, withSources } from "./test-helpers";
import type { ObservedCluster } from "./types";

const planned = plan(seedInput());
const north = planned.clusters.north ?? [];
const northSe = north.find((o) => o.kind === "ServiceEntry");
if (!northSe) throw new Error("fixture: north has no ServiceEntry");

const replace = (clusters: ObservedCluster[], name: string, change: (c: ObservedCluster) => ObservedCluster) =>
  clusters.map((c) => (c.name === name ? change(c) : c));
const extraOwned = live(northSe, { name: "global-gwinternal-gone-bookinfo-svc-cluster-local", uid: "u-gone", resourceVersion: "77" });
const foreign = live(northSe, { labels: { app: "theirs" }, annotations: {} });

type Row = { name: string; input: () => DiffInput; actions: string[]; reasons?: string[] };

const rows: Row[] = [
  { name: "nothing observed: every planned object is applied", input: () => ({ plan: planned, observed: converged(planned).map((c) => ({ ...c, objects: [] })) }), actions: Object.entries(planned.clusters).flatMap(([c, objs]) => objs.map((o) => `apply ${c} ${o.kind} ${o.metadata.namespace}/${o.metadata.name}`)) },
  { name: "converged: a no-op resync writes nothing", input: () => ({ plan: planned, observed: converged(planned) }), actions: [] },
  {
    name: "a changed content hash is re-applied",
    input: () => ({ plan: planned, observed: replace(converged(planned), "north", (c) => ({ ...c, objects: c.objects.map((o) => (o.kind === "ServiceEntry" && o.name === northSe.metadata.name ? { ...o, annotations: { ...o.annotations, [CONTENT_HASH_ANNOTATION]: "0".repeat(32) }, spec: { hosts: [] } } : o)) })) }),
    actions: [`apply north ServiceEntry xcp-multicluster/${northSe.metadata.name}`],
  },
  { name: "an owned object no longer planned is deleted", input: () => ({ plan: planned, observed: replace(converged(planned), "north", (c) => ({ ...c, objects: [...c.objects, extraOwned] })) }), actions: [`delete north ServiceEntry xcp-multicluster/${extraOwned.name}`] },
  { name: "an owned object generated from a stale cluster is kept", input: () => ({ plan: planned, observed: replace(replace(converged(planned), "north", (c) => ({ ...c, objects: [...c.objects, withSources(extraOwned, "east")] })), "east", (c) => ({ ...c, stale: true })) }), actions: [], reasons: ["HeldStaleSource"] },
  { name: "a stale Workspace source deletes nothing", input: () => ({ plan: planned, configStale: true, observed: replace(converged(planned), "north", (c) => ({ ...c, objects: [...c.objects, extraOwned] })) }), actions: [], reasons: ["ConfigSourceStale"] },
  { name: "an object under a planned name that is not ours is never touched", input: () => ({ plan: planned, observed: replace(converged(planned), "north", (c) => ({ ...c, objects: c.objects.map((o) => (o.kind === "ServiceEntry" && o.name === northSe.metadata.name ? foreign : o)) })) }), actions: [], reasons: ["ForeignObject"] },
  { name: "an unlabelled extra object is not ours to delete, and is reported", input: () => ({ plan: planned, observed: replace(converged(planned), "north", (c) => ({ ...c, objects: [...c.objects, { ...extraOwned, labels: {} }] })) }), actions: [], reasons: ["UnplannedForeignObjects"] },
  { name: "an extra object without our field manager is not ours to delete", input: () => ({ plan: planned, observed: replace(converged(planned), "north", (c) => ({ ...c, objects: [...c.objects, { ...extraOwned, managers: ["kubectl-create/Update"] }] })) }), actions: [], reasons: ["UnplannedForeignObjects"] },
  { name: "an extra object of an unrelated name and no marks is nobody's business", input: () => ({ plan: planned, observed: replace(converged(planned), "north", (c) => ({ ...c, objects: [...c.objects, { ...extraOwned, name: "legacy", labels: {}, annotations: {}, managers: [] }] })) }), actions: [] },
  { name: "a stale cluster gets no writes at all", input: () => ({ plan: planned, observed: replace(converged(planned), "north", (c) => ({ ...c, stale: true, objects: [extraOwned] })) }), actions: [], reasons: ["HeldStaleCluster"] },
  { name: "a cluster never observed is treated as stale", input: () => ({ plan: planned, observed: converged(planned).filter((c) => c.name !== "north") }), actions: [], reasons: ["HeldStaleCluster"] },
  {
    name: "an update that would drop a stale source waits",
    input: () => ({ plan: plan(seedInput({ north: ["productpage"] })), observed: replace(replace(converged(planned), "north", (c) => ({ ...c, objects: c.objects.map((o) => (o.kind === "ServiceEntry" && o.name === northSe.metadata.name ? withSources({ ...o, annotations: { ...o.annotations, [CONTENT_HASH_ANNOTATION]: "0".repeat(32) } }, "east,gone,west") : o)) })), "gone", (c) => c).concat([{ name: "gone", stale: true, objects: [] }]) }),
    actions: [],
    reasons: ["HeldStaleSource"],
  },
  {
    name: "a kind the snapshot does not carry is applied unverified, never deleted",
    input: () => ({ plan: planned, observed: replace(converged(planned), "west", (c) => ({ ...c, objects: c.objects.filter((o) => o.kind !== "Gateway"), unobservedKinds: ["Gateway"] })) }),
    actions: ["apply west Gateway bookinfo/eastwest-gateway-passthrough"],
    reasons: ["UnobservedKind"],
  },
];

describe("diff", () => {
  it.each(rows)("$name", (row) => {
    const result = diff(row.input());
    expect(result.actions.map((a) => `${a.action} ${a.cluster} ${a.kind} ${a.namespace}/${a.name}`)).toEqual(row.actions);
    expect(result.conditions.map((c) => c.reason)).toEqual(row.reasons ?? []);
  });

  it("marks applies of unobserved kinds unverified", () => {
    const observed = replace(converged(planned), "west", (c) => ({ ...c, objects: [], unobservedKinds: ["Gateway"] }));
    const actions = diff({ plan: planned, observed }).actions;
    expect(actions.filter((a) => a.unverified).map((a) => a.kind)).toEqual(["Gateway"]);
  });

  it("re-applies a hand-edited owned object with force, naming the drifted fields; plain applies never force", () => {
    const edited = replace(converged(planned), "north", (c) => ({ ...c, objects: c.objects.map((o) => (o.name === northSe.metadata.name && o.kind === "ServiceEntry" ? { ...o, spec: { ...(o.spec as object), endpoints: [{ address: "203.0.113.99" }] } } : o)) }));
    const [repair] = diff({ plan: planned, observed: edited }).actions;
    expect(repair).toMatchObject({ action: "apply", force: true, drift: ["spec.endpoints"] });
    expect(diff({ plan: planned, observed: converged(planned).map((c) => ({ ...c, objects: [] })) }).actions.some((a) => a.force)).toBe(false);
  });

  it("deletes with the observed uid and resourceVersion as preconditions", () => {
    const observed = replace(converged(planned), "north", (c) => ({ ...c, objects: [...c.objects, extraOwned] }));
    const [del] = diff({ plan: planned, observed }).actions;
    expect(del?.observed).toEqual({ uid: "u-gone", resourceVersion: "77" });
  });

  it("applies carry the ownership label and say why", () => {
    const [first] = diff({ plan: planned, observed: converged(planned).map((c) => ({ ...c, objects: [] })) }).actions;
    expect(first?.object?.metadata.labels[MANAGED_BY_LABEL]).toBe("eastwest-console");
    expect(first?.reason).toBe("planned but not present");
  });
});
