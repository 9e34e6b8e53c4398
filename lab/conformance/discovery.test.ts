// Conformance P0-1 (JSON content type) and P0-2 (legacy discovery, version, health) over raw HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pick, startLab, type Lab } from "./harness";

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab.close();
});

type Resource = { name: string; singularName: string; kind: string; namespaced: boolean; verbs: string[]; shortNames?: string[]; categories?: string[] };

async function resources(path: string): Promise<Resource[]> {
  const reply = await lab.call("GET", path);
  expect(reply.status).toBe(200);
  expect(reply.body).toMatchObject({ kind: "APIResourceList", apiVersion: "v1" });
  return reply.body.resources as Resource[];
}

describe("P0-1 every JSON response is application/json", () => {
  it.each([
    ["/api"], ["/apis"], ["/api/v1"], ["/apis/networking.istio.io/v1"], ["/version"], ["/api/v1/namespaces"],
    ["/api/v1/namespaces/default"], ["/api/v1/namespaces/nope"], ["/no/such/path"], ["/apis/nope.io/v1/things"], ["/openapi/v3"],
  ])("P0-1 GET %s", async (path) => {
    const reply = await lab.call("GET", path);
    expect(reply.contentType).toBe("application/json");
    expect(() => JSON.parse(reply.text) as unknown).not.toThrow();
  });

  it("P0-1 error bodies from writes are application/json too", async () => {
    const reply = await lab.call("POST", "/api/v1/namespaces/default/configmaps", "{not json");
    expect(reply.status).toBe(400);
    expect(reply.contentType).toBe("application/json");
  });
});

describe("P0-2 legacy discovery", () => {
  it("P0-2 /api lists the core version", async () => {
    const reply = await lab.call("GET", "/api");
    expect(reply.body).toMatchObject({ kind: "APIVersions", versions: ["v1"] });
  });

  it("P0-2 /apis lists every group with its preferred version", async () => {
    const reply = await lab.call("GET", "/apis");
    expect(reply.body).toMatchObject({ kind: "APIGroupList", apiVersion: "v1" });
    const groups = reply.body.groups as Array<{ name: string; versions: Array<{ version: string }>; preferredVersion: { groupVersion: string } }>;
    const byName = Object.fromEntries(groups.map((g) => [g.name, g]));
    for (const name of ["apps", "discovery.k8s.io", "coordination.k8s.io", "networking.istio.io", "install.tetrate.io", "tsb.tetrate.io", "settings.tetrate.io", "apiextensions.k8s.io"]) {
      expect(byName[name], name).toBeDefined();
    }
    expect(byName["networking.istio.io"]?.versions.map((v) => v.version)).toEqual(["v1", "v1beta1", "v1alpha3"]);
    expect(byName["networking.istio.io"]?.preferredVersion).toEqual({ groupVersion: "networking.istio.io/v1", version: "v1" });
    expect(pick(byName["apiextensions.k8s.io"], "preferredVersion.version")).toBe("v1");
  });

  it("P0-2 /apis/<group> describes one group", async () => {
    const reply = await lab.call("GET", "/apis/apps");
    expect(reply.body).toMatchObject({ kind: "APIGroup", name: "apps", preferredVersion: { groupVersion: "apps/v1", version: "v1" } });
  });

  it("P0-2 /api/v1 has core kinds with verbs, shortNames and subresources", async () => {
    const list = await resources("/api/v1");
    const byName = Object.fromEntries(list.map((r) => [r.name, r]));
    for (const name of ["namespaces", "services", "endpoints", "pods", "events", "configmaps", "secrets"]) expect(byName[name], name).toBeDefined();
    expect(byName.pods).toMatchObject({ singularName: "pod", kind: "Pod", namespaced: true, shortNames: ["po"] });
    expect(byName.pods?.verbs).toEqual(expect.arrayContaining(["create", "delete", "get", "list", "patch", "update", "watch"]));
    expect(byName.namespaces).toMatchObject({ namespaced: false, shortNames: ["ns"] });
    expect(byName["pods/status"]).toMatchObject({ kind: "Pod", verbs: ["get", "patch", "update"] });
    expect(byName["pods/log"]).toMatchObject({ kind: "Pod", verbs: ["get"] });
    expect(byName["services/status"]).toBeDefined();
  });

  it("P0-2 /apis/networking.istio.io/v1 has the Istio kinds with their short names and status entries", async () => {
    const list = await resources("/apis/networking.istio.io/v1");
    const byName = Object.fromEntries(list.map((r) => [r.name, r]));
    const expected: Record<string, string> = { serviceentries: "se", workloadentries: "we", destinationrules: "dr", gateways: "gw", virtualservices: "vs" };
    for (const [plural, short] of Object.entries(expected)) {
      expect(byName[plural]?.shortNames, plural).toEqual([short]);
      expect(byName[plural]?.verbs).toContain("watch");
      expect(byName[`${plural}/status`], `${plural}/status`).toMatchObject({ verbs: ["get", "patch", "update"] });
    }
    expect(byName.serviceentries).toMatchObject({ singularName: "serviceentry", kind: "ServiceEntry", namespaced: true, categories: ["istio-io", "networking-istio-io"] });
  });

  it.each([["v1beta1"], ["v1alpha3"]])("P0-2 Istio kinds are served at %s too", async (version) => {
    const list = await resources(`/apis/networking.istio.io/${version}`);
    expect(list.map((r) => r.name)).toContain("serviceentries");
  });

  it("P0-2 apps/v1 lists deployments/scale as autoscaling/v1 Scale", async () => {
    const list = await resources("/apis/apps/v1");
    expect(list.find((r) => r.name === "deployments/scale")).toMatchObject({ kind: "Scale", group: "autoscaling", version: "v1" });
    expect(list.find((r) => r.name === "deployments")).toMatchObject({ shortNames: ["deploy"], categories: ["all"] });
  });

  it.each([
    ["/apis/discovery.k8s.io/v1", "endpointslices"], ["/apis/coordination.k8s.io/v1", "leases"],
    ["/apis/install.tetrate.io/v1alpha1", "ingressgateways"], ["/apis/tsb.tetrate.io/v2", "workspaces"],
    ["/apis/settings.tetrate.io/v1alpha1", "workspacesettings"], ["/apis/apiextensions.k8s.io/v1", "customresourcedefinitions"],
  ])("P0-2 %s serves %s", async (path, plural) => {
    const list = await resources(path);
    expect(list.map((r) => r.name)).toEqual(expect.arrayContaining([plural]));
  });

  it("P0-2 /version reports a v1.32 gitVersion", async () => {
    const reply = await lab.call("GET", "/version");
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ major: "1", minor: "32" });
    expect(String(reply.body.gitVersion)).toMatch(/^v1\.32\.\d+$/);
  });

  it.each([["/healthz"], ["/readyz"], ["/livez"]])("P0-2 %s answers 200 ok", async (path) => {
    const reply = await lab.call("GET", path);
    expect(reply.status).toBe(200);
    expect(reply.text).toBe("ok");
  });

  it("P0-2 unknown group versions are 404 Status", async () => {
    const reply = await lab.call("GET", "/apis/networking.istio.io/v9");
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ kind: "Status", reason: "NotFound", code: 404 });
  });

  it("P0-2 /openapi/v3 declares fieldValidation on PATCH for every kind", async () => {
    const root = await lab.call("GET", "/openapi/v3");
    const paths = root.body.paths as Record<string, { serverRelativeURL: string }>;
    const se = paths["apis/networking.istio.io/v1"];
    expect(se).toBeDefined();
    const doc = await lab.call("GET", se?.serverRelativeURL ?? "");
    expect(doc.status).toBe(200);
    const docPaths = doc.body.paths as Record<string, { patch?: unknown }>;
    const patch = docPaths["/apis/networking.istio.io/v1/namespaces/{namespace}/serviceentries/{name}"]?.patch;
    expect(pick(patch, "x-kubernetes-group-version-kind")).toEqual({ group: "networking.istio.io", version: "v1", kind: "ServiceEntry" });
    expect((pick(patch, "parameters") as Array<{ name: string; in: string }>).map((p) => `${p.in}:${p.name}`)).toContain("query:fieldValidation");
  });
});
