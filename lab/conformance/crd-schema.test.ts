// A CRD-registered type behaves as upstream's custom resource handler: structural schema validation (422 with
// apiextensions' messages), defaulting on write and on read, pruning with fieldValidation Strict/Warn/Ignore,
// the status subresource split and generation, server-side apply by the schema's list types, dry-run, field
// selectors, Tables from additionalPrinterColumns (updated with the CRD) and the schema in OpenAPI v3.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { pick, startLab, type Lab } from "./harness";

const CRD = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/failoverdrills.eastwest.dev";
const DRILLS = "/apis/eastwest.dev/v1alpha1/namespaces/bookinfo/failoverdrills";
const TABLE = { Accept: "application/json;as=Table;v=v1;g=meta.k8s.io" };
const APPLY = { "Content-Type": "application/apply-patch+yaml" };
const drill = (name: string, spec: Record<string, unknown> = { service: "details" }, extra: Record<string, unknown> = {}) =>
  ({ apiVersion: "eastwest.dev/v1alpha1", kind: "FailoverDrill", metadata: { name }, spec, ...extra });

let lab: Lab;
beforeAll(async () => {
  lab = await startLab({ namespaces: ["default", "bookinfo"] });
  const manifest = parse(readFileSync(join(process.cwd(), "deploy/crds/failoverdrills.eastwest.dev.yaml"), "utf8")) as unknown;
  expect((await lab.call("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", manifest)).status).toBe(201);
});
afterAll(async () => {
  await lab.close();
});

describe("structural schema validation", () => {
  it.each([
    ["an unsupported enum value", { service: "details", fault: "Foo" }, 'spec.fault: Unsupported value: "Foo": supported values: "ScaleToZero", "FailRequests"'],
    ["a missing required field", { fault: "ScaleToZero" }, "spec.service: Required value"],
    ["a pattern mismatch", { service: "Details_1" }, "spec.service: Invalid value: \"Details_1\": spec.service in body should match '^[a-z]([-a-z0-9]*[a-z0-9])?$'"],
    ["a value above maximum", { service: "d", stopCondition: { errorRateAbove: 1.5 } }, "spec.stopCondition.errorRateAbove: Invalid value: 1.5: spec.stopCondition.errorRateAbove in body should be less than or equal to 1"],
    ["a wrong type", { service: "d", abort: "yes" }, 'spec.abort: Invalid value: "string": spec.abort in body must be of type boolean: "string"'],
  ])("%s is 422 Invalid with the field path", async (_name, spec, detail) => {
    const reply = await lab.call("POST", DRILLS, drill("bad", spec));
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({ kind: "Status", reason: "Invalid", details: { name: "bad", group: "eastwest.dev", kind: "FailoverDrill" } });
    expect(reply.body.message).toBe(`FailoverDrill.eastwest.dev "bad" is invalid: ${detail}`);
  });

  it("several errors are listed together", async () => {
    const reply = await lab.call("POST", DRILLS, drill("bad", { fault: "Foo" }));
    expect(reply.body.message).toBe('FailoverDrill.eastwest.dev "bad" is invalid: [spec.service: Required value, spec.fault: Unsupported value: "Foo": supported values: "ScaleToZero", "FailRequests"]');
    expect((pick(reply.body, "details.causes") as unknown[]).length).toBe(2);
  });

  it("a status write is validated against the status schema", async () => {
    await lab.call("POST", DRILLS, drill("st"));
    const got = await lab.call("GET", `${DRILLS}/st`);
    const reply = await lab.call("PUT", `${DRILLS}/st/status`, { ...got.body, status: { phase: "Exploding", startedAt: "soon" } });
    expect(reply.status).toBe(422);
    expect(reply.body.message).toContain('status.phase: Unsupported value: "Exploding"');
    expect(reply.body.message).toContain('status.startedAt: Invalid value: "soon": status.startedAt in body must be of type date-time: "soon"');
  });
});

describe("defaulting and pruning", () => {
  it("fills schema defaults on create, nested objects included", async () => {
    const reply = await lab.call("POST", DRILLS, drill("defaults", { service: "details", stopCondition: {} }));
    expect(reply.status).toBe(201);
    expect(reply.body.spec).toEqual({ service: "details", fault: "ScaleToZero", maxDuration: "2m", abort: false, stopCondition: { errorRateAbove: 0.5, forSeconds: 10 } });
  });

  it.each([
    ["Strict", 400],
    ["Warn", 201],
    ["Ignore", 201],
  ])("unknown fields with fieldValidation=%s", async (mode, code) => {
    const name = `unknown-${mode.toLowerCase()}`;
    const res = await fetch(`${lab.url}${DRILLS}?fieldValidation=${mode}`, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(drill(name, { service: "details", foo: 1 })),
    });
    const body = (await res.json()) as Record<string, unknown>;
    expect(res.status).toBe(code);
    if (mode === "Strict") {
      expect(body.message).toBe('FailoverDrill in version "v1alpha1" cannot be handled as a FailoverDrill: strict decoding error: unknown field "spec.foo"');
      return;
    }
    expect(res.headers.get("warning")).toBe(mode === "Warn" ? '299 - "unknown field \\"spec.foo\\""' : null);
    expect(pick(body, "spec.foo")).toBeUndefined();
    expect(pick((await lab.call("GET", `${DRILLS}/${name}`)).body, "spec.foo")).toBeUndefined();
  });

  it("a server-side apply with an undeclared field fails its typed conversion (500, as upstream) whatever fieldValidation says", async () => {
    const body = "apiVersion: eastwest.dev/v1alpha1\nkind: FailoverDrill\nmetadata:\n  name: applied\n  namespace: bookinfo\nspec:\n  service: details\n  foo: 1\n";
    const reply = await lab.call("PATCH", `${DRILLS}/applied?fieldManager=m&fieldValidation=Ignore`, body, APPLY);
    expect(reply.status).toBe(500);
    expect(reply.body.message).toBe("failed to create typed patch object (bookinfo/applied; eastwest.dev/v1alpha1, Kind=FailoverDrill): .spec.foo: field not declared in schema");
    expect((await lab.call("GET", `${DRILLS}/applied`)).status).toBe(404);
  });

  it("a strict merge patch with an unknown field is 400 and changes nothing", async () => {
    await lab.call("POST", DRILLS, drill("patched"));
    const reply = await lab.call("PATCH", `${DRILLS}/patched?fieldValidation=Strict`, { spec: { bar: true } });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe('strict decoding error: unknown field "spec.bar"');
  });
});

describe("status subresource and generation", () => {
  it("the main resource ignores status, /status ignores the rest, generation follows spec only", async () => {
    const created = await lab.call("POST", DRILLS, drill("split", { service: "details" }, { status: { phase: "Succeeded" } }));
    expect(created.body.status).toBeUndefined();
    const status = await lab.call("PUT", `${DRILLS}/split/status`, { ...created.body, spec: { service: "other" }, status: { phase: "Baseline" } });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ spec: { service: "details" }, status: { phase: "Baseline" }, metadata: { generation: 1 } });
    const main = await lab.call("PUT", `${DRILLS}/split`, { ...status.body, spec: { service: "details", abort: true }, status: { phase: "Failed" } });
    expect(main.body).toMatchObject({ spec: { abort: true }, status: { phase: "Baseline" }, metadata: { generation: 2 } });
  });

  it("server-side apply merges status.conditions by type (x-kubernetes-list-map-keys)", async () => {
    await lab.call("POST", DRILLS, drill("ssa"));
    const condition = (type: string) => `apiVersion: eastwest.dev/v1alpha1\nkind: FailoverDrill\nmetadata:\n  name: ssa\nstatus:\n  conditions:\n  - type: ${type}\n    status: "True"\n`;
    expect((await lab.call("PATCH", `${DRILLS}/ssa/status?fieldManager=a`, condition("Precheck"), APPLY)).status).toBe(200);
    const second = await lab.call("PATCH", `${DRILLS}/ssa/status?fieldManager=b`, condition("Shifted"), APPLY);
    expect(pick(second.body, "status.conditions")).toEqual([{ type: "Precheck", status: "True" }, { type: "Shifted", status: "True" }]);
  });
});

describe("reads", () => {
  it("dry-run creates nothing; field selectors take metadata.name and refuse other fields", async () => {
    const dry = await lab.call("POST", `${DRILLS}?dryRun=All`, drill("dry"));
    expect(dry.status).toBe(201);
    expect((await lab.call("GET", `${DRILLS}/dry`)).status).toBe(404);
    const selected = await lab.call("GET", `${DRILLS}?fieldSelector=metadata.name%3Ddefaults`);
    expect((selected.body.items as unknown[]).length).toBe(1);
    const refused = await lab.call("GET", `${DRILLS}?fieldSelector=spec.service%3Ddetails`);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe("field label not supported: spec.service");
  });

  it("prints the CRD's columns, and a CRD update (new column, new default) takes effect at once", async () => {
    const before = await lab.call("GET", DRILLS, undefined, TABLE);
    const columns = before.body.columnDefinitions as Array<{ name: string; type: string; description: string }>;
    expect(columns.map((c) => c.name)).toEqual(["Name", "Service", "Phase", "Shift", "Verdict", "Age"]);
    expect(columns[1]).toMatchObject({ type: "string", description: "Custom resource definition column (in JSONPath format): .spec.service" });
    expect(columns[3]).toMatchObject({ type: "number", description: "Seconds from the fault to the first request served by another cluster" });
    const crd = await lab.call("GET", CRD);
    const version = (pick(crd.body, "spec.versions") as Array<Record<string, unknown>>)[0] as Record<string, unknown> & {
      additionalPrinterColumns: unknown[]; schema: { openAPIV3Schema: { properties: { spec: { properties: Record<string, Record<string, unknown>> } } } };
    };
    version.additionalPrinterColumns.push({ name: "Fault", type: "string", jsonPath: ".spec.fault" });
    version.schema.openAPIV3Schema.properties.spec.properties.team = { type: "string", default: "sre" };
    expect((await lab.call("PUT", CRD, crd.body)).status).toBe(200);
    const after = await lab.call("GET", `${DRILLS}?fieldSelector=metadata.name%3Ddefaults`, undefined, TABLE);
    expect((after.body.columnDefinitions as Array<{ name: string }>).map((c) => c.name)).toContain("Fault");
    expect(pick(after.body, "rows.0.cells")).toEqual(["defaults", "details", null, null, null, expect.stringMatching(/^\d+s$/), "ScaleToZero"]);
    expect(pick((await lab.call("GET", `${DRILLS}/defaults`)).body, "spec.team")).toBe("sre");
  });

  it("ratchets validation: an object made invalid by a tighter CRD takes writes that leave the invalid value alone", async () => {
    await lab.call("POST", DRILLS, drill("ratchet", { service: "details", fault: "FailRequests" }));
    const crd = await lab.call("GET", CRD);
    const versions = pick(crd.body, "spec.versions") as Array<{ schema: { openAPIV3Schema: { properties: { spec: { properties: Record<string, Record<string, unknown>> } } } } }>;
    const fault = versions[0]?.schema.openAPIV3Schema.properties.spec.properties.fault;
    if (!fault) throw new Error("the CRD has no spec.fault");
    fault.enum = ["ScaleToZero"];
    fault.default = "ScaleToZero";
    expect((await lab.call("PUT", CRD, crd.body)).status).toBe(200);
    const unchanged = await lab.call("PATCH", `${DRILLS}/ratchet`, { spec: { abort: true } });
    expect(unchanged.status).toBe(200);
    const status = await lab.call("PATCH", `${DRILLS}/ratchet/status`, { status: { phase: "Aborted" } });
    expect(status.status).toBe(200);
    const changed = await lab.call("PATCH", `${DRILLS}/ratchet`, { spec: { fault: "FailRequests", service: "reviews", maxDuration: "later" } });
    expect(changed.status).toBe(422);
    expect(changed.body.message).toContain("spec.maxDuration: Invalid value: \"later\"");
    expect(changed.body.message).not.toContain("spec.fault");
  });

  it("a field the CRD's schema no longer declares is pruned on read and on the next write", async () => {
    expect((await lab.call("POST", DRILLS, drill("pruned", { service: "details", team: "blue" }))).status).toBe(201);
    const crd = await lab.call("GET", CRD);
    const versions = pick(crd.body, "spec.versions") as Array<{ schema: { openAPIV3Schema: { properties: { spec: { properties: Record<string, unknown> } } } } }>;
    const properties = versions[0]?.schema.openAPIV3Schema.properties.spec.properties;
    if (!properties) throw new Error("the CRD has no spec properties");
    delete properties.team;
    expect((await lab.call("PUT", CRD, crd.body)).status).toBe(200);
    const read = await lab.call("GET", `${DRILLS}/pruned`);
    expect(pick(read.body, "spec.team")).toBeUndefined();
    const patched = await lab.call("PATCH", `${DRILLS}/pruned?fieldValidation=Strict`, { spec: { abort: true } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ spec: { abort: true }, metadata: { generation: 2 } });
    expect(pick(patched.body, "spec.team")).toBeUndefined();
  });

  it("publishes the schema in the group/version's OpenAPI v3 document", async () => {
    const root = await lab.call("GET", "/openapi/v3");
    const paths = root.body.paths as Record<string, { serverRelativeURL: string }>;
    expect(paths["apis/eastwest.dev/v1alpha1"]?.serverRelativeURL).toMatch(/^\/openapi\/v3\/apis\/eastwest\.dev\/v1alpha1\?hash=[0-9A-F]{64}$/);
    const doc = await lab.call("GET", "/openapi/v3/apis/eastwest.dev/v1alpha1");
    const schemas = pick(doc.body, "components.schemas") as Record<string, Record<string, unknown>>;
    expect(schemas["dev.eastwest.v1alpha1.FailoverDrill"]).toMatchObject({
      "x-kubernetes-group-version-kind": [{ group: "eastwest.dev", kind: "FailoverDrill", version: "v1alpha1" }],
      properties: { spec: { required: ["service"] }, metadata: { allOf: [{ $ref: "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta" }] } },
    });
    expect(schemas["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]).toMatchObject({ type: "object" });
  });
});
