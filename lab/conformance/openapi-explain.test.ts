// Issue 15, OpenAPI v3: each group/version document publishes the structural schemas of its kinds (as the
// apiextensions apiserver publishes a CRD's), so `kubectl explain` answers from the server as on a cluster with
// Istio's CRDs: serviceentry.spec.hosts, the required fields, the enums, every served version.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kubectl, startTestLab, type LabFixture } from "./fixture";
import { pick, startLab, type Lab } from "./harness";

let fx: LabFixture;
beforeAll(async () => {
  fx = await startTestLab();
});
afterAll(async () => {
  await fx.close();
});

async function explain(...args: string[]): Promise<string> {
  const res = await kubectl(fx, ["explain", ...args]);
  expect(res.stderr).toBe("");
  expect(res.code).toBe(0);
  return res.stdout;
}

describe("issue 15 kubectl explain from the lab's OpenAPI v3", () => {
  it("explain serviceentry.spec.hosts", async () => {
    const out = await explain("serviceentry.spec.hosts");
    expect(out).toMatch(/^GROUP:\s+networking\.istio\.io\nKIND:\s+ServiceEntry\nVERSION:\s+v1\n/);
    expect(out).toContain("FIELD: hosts <[]string>");
    expect(out).toContain("The hosts associated with the ServiceEntry.");
  });

  it("explain serviceentry.spec lists the fields, hosts required, the enums", async () => {
    const out = await explain("serviceentry.spec");
    expect(out).toMatch(/hosts\t<\[\]string> -required-/);
    expect(out).toMatch(/location\t<string>\n\s+enum: MESH_EXTERNAL, MESH_INTERNAL/);
    expect(out).toMatch(/resolution\t<string>\n\s+enum: NONE, STATIC, DNS/);
    for (const field of ["addresses", "endpoints", "exportTo", "ports", "subjectAltNames", "workloadSelector"]) expect(out).toContain(`${field}\t<`);
  });

  it("explain se: the kind's top level with metadata as ObjectMeta and spec required", async () => {
    const out = await explain("se");
    expect(out).toMatch(/metadata\t<ObjectMeta>/);
    expect(out).toMatch(/spec\t<Object> -required-/);
  });

  it("explain a list of objects: serviceentry.spec.ports", async () => {
    const out = await explain("serviceentry.spec.ports");
    expect(out).toContain("FIELD: ports <[]Object>");
    expect(out).toMatch(/number\t<integer> -required-/);
  });

  it.each([["v1beta1"], ["v1alpha3"]])("every served version: --api-version=networking.istio.io/%s", async (version) => {
    const out = await explain("serviceentry.spec.hosts", `--api-version=networking.istio.io/${version}`);
    expect(out).toMatch(new RegExp(`VERSION:\\s+${version}\\n`));
    expect(out).toContain("FIELD: hosts <[]string>");
  });

  it("a field that does not exist is refused as kubectl refuses it", async () => {
    const res = await kubectl(fx, ["explain", "serviceentry.spec.nope"]);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain('field "nope" does not exist');
  });
});

describe("issue 15 the OpenAPI v3 documents", () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab();
  });
  afterAll(async () => {
    await lab.close();
  });

  it("networking.istio.io/v1 publishes io.istio.networking.v1.ServiceEntry with its GVK, required hosts and enums", async () => {
    const root = await lab.call("GET", "/openapi/v3");
    const paths = root.body.paths as Record<string, { serverRelativeURL: string }>;
    const url = paths["apis/networking.istio.io/v1"]?.serverRelativeURL ?? "";
    expect(url).toMatch(/^\/openapi\/v3\/apis\/networking\.istio\.io\/v1\?hash=[0-9A-F]+$/);
    const doc = await lab.call("GET", url);
    expect(doc.status).toBe(200);
    // Schema names contain dots: index the map, not a dotted path.
    const schemas = pick(doc.body, "components.schemas") as Record<string, unknown>;
    const se = schemas["io.istio.networking.v1.ServiceEntry"];
    expect(pick(se, "x-kubernetes-group-version-kind")).toEqual([{ group: "networking.istio.io", kind: "ServiceEntry", version: "v1" }]);
    expect(pick(se, "properties.spec.required")).toEqual(expect.arrayContaining(["hosts"]));
    expect(pick(se, "properties.spec.properties.location.enum")).toEqual(["MESH_EXTERNAL", "MESH_INTERNAL"]);
    expect(pick(se, "properties.metadata.allOf")).toEqual([{ $ref: "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta" }]);
    expect(schemas["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]).toBeDefined();
  });
});
