// CustomResourceDefinitions served for real, per cluster, over raw HTTP: creating a CRD registers its type in
// that cluster only (discovery, CRUD, list, watch at once), with status.acceptedNames and the NamesAccepted /
// Established conditions; a name clash is NamesAccepted=False and serves nothing; deleting the CRD is Terminating
// behind customresourcecleanup.apiextensions.k8s.io until its objects are gone, then the type is no longer served.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { openWatch, pick, startLab, type Lab } from "./harness";

const CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
const DRILLS = "/apis/eastwest.dev/v1alpha1/namespaces/bookinfo/failoverdrills";
const manifest = (): Record<string, unknown> =>
  parse(readFileSync(join(process.cwd(), "deploy/crds/failoverdrills.eastwest.dev.yaml"), "utf8")) as Record<string, unknown>;
const drill = (name: string, spec: Record<string, unknown> = { service: "details" }) =>
  ({ apiVersion: "eastwest.dev/v1alpha1", kind: "FailoverDrill", metadata: { name }, spec });

type Condition = { type: string; status: string; reason: string; message: string };
const condition = (body: unknown, type: string): Condition | undefined =>
  (pick(body, "status.conditions") as Condition[] | undefined)?.find((c) => c.type === type);

let west: Lab;
let east: Lab;
beforeAll(async () => {
  west = await startLab({ namespaces: ["default", "bookinfo"] });
  east = await startLab({ namespaces: ["default", "bookinfo"] });
});
afterAll(async () => {
  await west.close();
  await east.close();
});

describe("CRD registration", () => {
  it("serves the CustomResourceDefinition kind with its short names and category", async () => {
    const reply = await west.call("GET", "/apis/apiextensions.k8s.io/v1");
    const resources = reply.body.resources as Array<Record<string, unknown>>;
    expect(resources).toContainEqual(expect.objectContaining({
      name: "customresourcedefinitions", kind: "CustomResourceDefinition", namespaced: false, shortNames: ["crd", "crds"], categories: ["api-extensions"],
    }));
    expect(resources.map((r) => r.name)).toContain("customresourcedefinitions/status");
  });

  it("a created CRD is established and served in that cluster only, within the same request", async () => {
    const created = await west.call("POST", CRDS, manifest());
    expect(created.status).toBe(201);
    const crd = await west.call("GET", `${CRDS}/failoverdrills.eastwest.dev`);
    expect(condition(crd.body, "NamesAccepted")).toMatchObject({ status: "True", reason: "NoConflicts" });
    expect(condition(crd.body, "Established")).toMatchObject({ status: "True", reason: "InitialNamesAccepted" });
    expect(pick(crd.body, "status.acceptedNames")).toEqual({
      plural: "failoverdrills", singular: "failoverdrill", kind: "FailoverDrill", listKind: "FailoverDrillList", shortNames: ["fd"], categories: ["eastwest"],
    });
    expect(pick(crd.body, "status.storedVersions")).toEqual(["v1alpha1"]);
    expect(pick(crd.body, "spec.conversion")).toEqual({ strategy: "None" });
    const groups = await west.call("GET", "/apis");
    expect((groups.body.groups as Array<{ name: string }>).map((g) => g.name)).toContain("eastwest.dev");
    const discovery = await west.call("GET", "/apis/eastwest.dev/v1alpha1");
    expect(discovery.body.resources).toEqual([
      expect.objectContaining({ name: "failoverdrills", singularName: "failoverdrill", kind: "FailoverDrill", namespaced: true, shortNames: ["fd"], categories: ["eastwest"] }),
      expect.objectContaining({ name: "failoverdrills/status", kind: "FailoverDrill", verbs: ["get", "patch", "update"] }),
    ]);
    expect((await east.call("GET", "/apis/eastwest.dev/v1alpha1")).status).toBe(404);
    expect((await east.call("POST", DRILLS, drill("d0"))).status).toBe(404);
  });

  it("objects of the new type take create, get, list, watch, update and delete", async () => {
    const watch = await openWatch(`${west.url}${DRILLS}?watch=true`);
    try {
      const created = await west.call("POST", DRILLS, drill("d1"));
      expect(created.status).toBe(201);
      expect(pick(created.body, "metadata.generation")).toBe(1);
      const [added] = await watch.waitFor(1);
      expect(added).toMatchObject({ type: "ADDED", object: { kind: "FailoverDrill", metadata: { name: "d1" } } });
      const list = await west.call("GET", "/apis/eastwest.dev/v1alpha1/failoverdrills?fieldSelector=metadata.namespace%3Dbookinfo");
      expect(list.body).toMatchObject({ kind: "FailoverDrillList", apiVersion: "eastwest.dev/v1alpha1", items: [{ metadata: { name: "d1" } }] });
      const got = await west.call("GET", `${DRILLS}/d1`);
      const updated = await west.call("PUT", `${DRILLS}/d1`, { ...got.body, spec: { service: "reviews" } });
      expect(updated.status).toBe(200);
      expect(pick(updated.body, "metadata.generation")).toBe(2);
      expect((await west.call("DELETE", `${DRILLS}/d1`)).status).toBe(200);
      const events = await watch.waitFor(3);
      expect(events.map((e) => e.type)).toEqual(["ADDED", "MODIFIED", "DELETED"]);
    } finally {
      watch.close();
    }
  });

  it("a CRD whose names clash with a served type is NamesAccepted=False and serves nothing", async () => {
    const clash = manifest();
    const spec = clash.spec as { group: string; names: Record<string, unknown> };
    spec.group = "networking.istio.io";
    spec.names = { kind: "FailoverDrill", plural: "serviceentries", singular: "drillentry" };
    clash.metadata = { name: "serviceentries.networking.istio.io" };
    expect((await west.call("POST", CRDS, clash)).status).toBe(201);
    const crd = await west.call("GET", `${CRDS}/serviceentries.networking.istio.io`);
    expect(condition(crd.body, "NamesAccepted")).toEqual(expect.objectContaining({ status: "False", reason: "PluralConflict", message: '"serviceentries" is already in use' }));
    expect(condition(crd.body, "Established")).toMatchObject({ status: "False", reason: "NotAccepted" });
    const se = await west.call("GET", "/apis/networking.istio.io/v1/namespaces/default/serviceentries");
    expect(se.body.kind).toBe("ServiceEntryList");
    expect((await west.call("DELETE", `${CRDS}/serviceentries.networking.istio.io`)).status).toBe(200);
    expect((await west.call("GET", `${CRDS}/serviceentries.networking.istio.io`)).status).toBe(404);
  });

  it("serves a cluster-scoped CRD in every served version, stored in the storage version", async () => {
    const version = (name: string, storage: boolean) => ({
      name, served: true, storage,
      schema: { openAPIV3Schema: { type: "object", properties: { spec: { type: "object", properties: { size: { type: "integer", default: 1 } } } } } },
    });
    const widgets = {
      apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", metadata: { name: "widgets.example.com" },
      spec: { group: "example.com", scope: "Cluster", names: { kind: "Widget", plural: "widgets" }, versions: [version("v1", true), version("v1beta1", false)] },
    };
    expect((await west.call("POST", CRDS, widgets)).status).toBe(201);
    const created = await west.call("POST", "/apis/example.com/v1beta1/widgets", { apiVersion: "example.com/v1beta1", kind: "Widget", metadata: { name: "w" }, spec: {} });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ apiVersion: "example.com/v1beta1", spec: { size: 1 } });
    expect(pick(created.body, "metadata.namespace")).toBeUndefined();
    expect((await west.call("GET", "/apis/example.com/v1/widgets/w")).body).toMatchObject({ apiVersion: "example.com/v1", kind: "Widget" });
    const group = await west.call("GET", "/apis/example.com");
    expect(group.body).toMatchObject({ kind: "APIGroup", preferredVersion: { version: "v1" } });
    expect((await west.call("GET", "/apis/example.com/v1/namespaces/default/widgets")).status).toBe(404);
    // Table without declared columns: Name and Age.
    const table = await west.call("GET", "/apis/example.com/v1/widgets", undefined, { Accept: "application/json;as=Table;v=v1;g=meta.k8s.io" });
    expect((table.body.columnDefinitions as Array<{ name: string }>).map((c) => c.name)).toEqual(["Name", "Age"]);
    expect((await west.call("DELETE", `${CRDS}/widgets.example.com`)).status).toBe(200);
    expect((await west.call("GET", "/apis/example.com/v1/widgets/w")).status).toBe(404);
  });

  it("a CRD served table is NAME and CREATED AT", async () => {
    const table = await west.call("GET", CRDS, undefined, { Accept: "application/json;as=Table;v=v1;g=meta.k8s.io" });
    expect((table.body.columnDefinitions as Array<{ name: string; type: string }>).map((c) => [c.name, c.type])).toEqual([["Name", "string"], ["Created At", "date"]]);
    expect(pick(table.body, "rows.0.cells")).toEqual(["failoverdrills.eastwest.dev", expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)]);
  });

  it("an invalid CRD is 422 with upstream's field paths", async () => {
    const bad = manifest();
    bad.metadata = { name: "drills.eastwest.dev" };
    (bad.spec as { scope: string }).scope = "Region";
    const reply = await west.call("POST", CRDS, bad);
    expect(reply.status).toBe(422);
    expect(reply.body.message).toBe(
      'CustomResourceDefinition.apiextensions.k8s.io "drills.eastwest.dev" is invalid: [metadata.name: Invalid value: "drills.eastwest.dev": must be spec.names.plural+"."+spec.group, spec.scope: Unsupported value: "Region": supported values: "Cluster", "Namespaced"]',
    );
  });

  it("deleting the CRD deletes its objects first, then the type is gone", async () => {
    await west.call("POST", DRILLS, drill("keep"));
    const finalized = await west.call("POST", DRILLS, { ...drill("held"), metadata: { name: "held", finalizers: ["example.com/hold"] } });
    expect(finalized.status).toBe(201);
    const watch = await openWatch(`${west.url}${CRDS}?watch=true&fieldSelector=metadata.name%3Dfailoverdrills.eastwest.dev`);
    const drills = await openWatch(`${west.url}${DRILLS}?watch=true`);
    try {
      const deleted = await west.call("DELETE", `${CRDS}/failoverdrills.eastwest.dev`);
      expect(deleted.status).toBe(200);
      expect(pick(deleted.body, "metadata.finalizers")).toEqual(["customresourcecleanup.apiextensions.k8s.io"]);
      expect(pick(deleted.body, "metadata.deletionTimestamp")).toEqual(expect.any(String));
      // "held" keeps the CRD Terminating; new objects are refused meanwhile.
      const crd = await west.call("GET", `${CRDS}/failoverdrills.eastwest.dev`);
      expect(condition(crd.body, "Terminating")).toMatchObject({ status: "True", reason: "InstanceDeletionInProgress" });
      expect((await west.call("GET", `${DRILLS}/keep`)).status).toBe(404);
      const refused = await west.call("POST", DRILLS, drill("late"));
      expect(refused.status).toBe(405);
      expect(refused.body.message).toBe("create not allowed while custom resource definition is terminating");
      const held = await west.call("GET", `${DRILLS}/held`);
      await west.call("PUT", `${DRILLS}/held`, { ...held.body, metadata: { ...(held.body.metadata as object), finalizers: [] } });
      expect((await west.call("GET", `${CRDS}/failoverdrills.eastwest.dev`)).status).toBe(404);
      expect((await west.call("GET", "/apis/eastwest.dev/v1alpha1")).status).toBe(404);
      const events = await watch.waitFor(1);
      expect(events[0]?.type).toBe("ADDED");
      await expect.poll(() => watch.events.map((e) => e.type).at(-1)).toBe("DELETED");
      // The type's watches see its objects deleted, then end, as upstream tears the storage down.
      await drills.ended;
      expect(drills.events.map((e) => `${e.type} ${String(pick(e.object, "metadata.name"))}`)).toEqual([
        "ADDED held", "ADDED keep", "MODIFIED held", "DELETED keep", "DELETED held",
      ]);
    } finally {
      watch.close();
      drills.close();
    }
  });
});
