// Issue 15, discovery: aggregated discovery (apidiscovery.k8s.io/v2) negotiated from the Accept header kubectl 1.32
// sends, in the shape of upstream's golden api/discovery/aggregated_v2.json; and every resource lists exactly the
// verbs it supports (namespaces and services have no deletecollection in 1.32: their collection DELETE is 405).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kubectl, startTestLab, type LabFixture } from "./fixture";
import { pick, startLab, type Lab } from "./harness";

const KUBECTL_ACCEPT = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";
const V2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

type Gvk = { group: string; version: string; kind: string };
type Sub = { subresource: string; responseKind: Gvk; verbs: string[] };
type Res = { resource: string; responseKind: Gvk; scope: string; singularResource: string; verbs: string[]; shortNames?: string[]; categories?: string[]; subresources?: Sub[] };
type Group = { metadata: { name?: string; creationTimestamp: null }; versions: Array<{ version: string; freshness: string; resources: Res[] }> };

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab.close();
});

async function aggregated(path: string, accept = KUBECTL_ACCEPT): Promise<Group[]> {
  const reply = await lab.call("GET", path, undefined, { Accept: accept });
  expect(reply.status).toBe(200);
  expect(reply.contentType).toBe(V2);
  expect(reply.body).toMatchObject({ kind: "APIGroupDiscoveryList", apiVersion: "apidiscovery.k8s.io/v2", metadata: {} });
  return reply.body.items as Group[];
}

function resource(groups: Group[], group: string, version: string, name: string): Res | undefined {
  return groups.find((g) => (g.metadata.name ?? "") === group)?.versions.find((v) => v.version === version)?.resources.find((r) => r.resource === name);
}

const FULL = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
const NO_COLLECTION_DELETE = ["create", "delete", "get", "list", "patch", "update", "watch"];

describe("issue 15 aggregated discovery", () => {
  it("/api with kubectl's Accept: one unnamed core group, v1, its resources and subresources", async () => {
    const groups = await aggregated("/api");
    expect(groups).toHaveLength(1);
    expect(groups[0]?.metadata).toEqual({ creationTimestamp: null });
    expect(groups[0]?.versions.map((v) => [v.version, v.freshness])).toEqual([["v1", "Current"]]);
    expect(resource(groups, "", "v1", "pods")).toEqual({
      resource: "pods", responseKind: { group: "", version: "", kind: "Pod" }, scope: "Namespaced", singularResource: "pod", verbs: FULL,
      shortNames: ["po"], categories: ["all"],
      subresources: [
        { subresource: "log", responseKind: { group: "", version: "", kind: "Pod" }, verbs: ["get"] },
        { subresource: "status", responseKind: { group: "", version: "", kind: "Pod" }, verbs: ["get", "patch", "update"] },
      ],
    });
    expect(resource(groups, "", "v1", "namespaces")).toMatchObject({ scope: "Cluster", verbs: NO_COLLECTION_DELETE });
    expect(resource(groups, "", "v1", "services")?.verbs).toEqual(NO_COLLECTION_DELETE);
  });

  it("/apis: named groups with preferred version first; scale answers autoscaling/v1 Scale; CRD kinds carry their full kind", async () => {
    const groups = await aggregated("/apis");
    expect(groups.some((g) => g.metadata.name === undefined)).toBe(false);
    const istio = groups.find((g) => g.metadata.name === "networking.istio.io");
    expect(istio?.versions.map((v) => v.version)).toEqual(["v1", "v1beta1", "v1alpha3"]);
    const scale = resource(groups, "apps", "v1", "deployments")?.subresources?.find((s) => s.subresource === "scale");
    expect(scale).toEqual({ subresource: "scale", responseKind: { group: "autoscaling", version: "v1", kind: "Scale" }, verbs: ["get", "patch", "update"] });
    expect(resource(groups, "networking.istio.io", "v1beta1", "serviceentries")).toMatchObject({
      responseKind: { group: "networking.istio.io", version: "v1beta1", kind: "ServiceEntry" }, scope: "Namespaced", shortNames: ["se"],
      categories: ["istio-io", "networking-istio-io"], verbs: FULL,
    });
    expect(resource(groups, "authorization.k8s.io", "v1", "selfsubjectaccessreviews")).toEqual({
      resource: "selfsubjectaccessreviews", responseKind: { group: "", version: "", kind: "SelfSubjectAccessReview" }, scope: "Cluster",
      singularResource: "selfsubjectaccessreview", verbs: ["create"],
    });
  });

  it("ETag and If-None-Match: an unchanged document is 304", async () => {
    const first = await fetch(`${lab.url}/apis`, { headers: { Accept: KUBECTL_ACCEPT } });
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[0-9A-F]{128}"$/);
    expect(first.headers.get("vary")).toBe("Accept");
    const again = await fetch(`${lab.url}/apis`, { headers: { Accept: KUBECTL_ACCEPT, "If-None-Match": etag } });
    expect(again.status).toBe(304);
  });

  it.each([
    ["v2beta1 only", "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList", 200, "apidiscovery.k8s.io/v2beta1"],
    ["plain JSON", "application/json", 200, "v1"],
    ["an unknown discovery version then JSON", "application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList,application/json", 200, "v1"],
  ])("Accept %s", async (_name, accept, code, apiVersion) => {
    const reply = await lab.call("GET", "/apis", undefined, { Accept: accept });
    expect(reply.status).toBe(code);
    expect(reply.body.apiVersion).toBe(apiVersion);
  });

  it("Accept with nothing servable → 406 NotAcceptable", async () => {
    const reply = await lab.call("GET", "/apis", undefined, { Accept: "application/xml" });
    expect(reply.status).toBe(406);
    expect(reply.body).toMatchObject({ kind: "Status", reason: "NotAcceptable", code: 406 });
  });
});

describe("issue 15 discovery lists exactly the verbs each resource supports", () => {
  it("legacy and aggregated discovery agree on every resource's verbs", async () => {
    const groups = [...(await aggregated("/api")), ...(await aggregated("/apis"))];
    for (const group of groups) {
      for (const version of group.versions) {
        const name = group.metadata.name ?? "";
        const legacy = await lab.call("GET", name === "" ? "/api/v1" : `/apis/${name}/${version.version}`);
        const entries = legacy.body.resources as Array<{ name: string; verbs: string[] }>;
        for (const res of version.resources) {
          expect(entries.find((e) => e.name === res.resource)?.verbs, `${name}/${version.version} ${res.resource}`).toEqual(res.verbs);
          for (const sub of res.subresources ?? []) expect(entries.find((e) => e.name === `${res.resource}/${sub.subresource}`)?.verbs).toEqual(sub.verbs);
        }
      }
    }
  });

  it.each([["/api/v1/namespaces"], ["/api/v1/namespaces/default/services"]])("DELETE %s (no deletecollection) → 405 MethodNotAllowed", async (path) => {
    const reply = await lab.call("DELETE", path);
    expect(reply.status).toBe(405);
    expect(reply.body).toMatchObject({ kind: "Status", status: "Failure", reason: "MethodNotAllowed", code: 405, message: "the server does not allow this method on the requested resource" });
    expect(pick((await lab.call("GET", "/api/v1/namespaces/default")).body, "metadata.name")).toBe("default");
  });

  it("DELETE of a collection that lists deletecollection succeeds", async () => {
    await lab.call("POST", "/api/v1/namespaces/default/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "gone" } });
    const reply = await lab.call("DELETE", "/api/v1/namespaces/default/configmaps");
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ kind: "ConfigMapList" });
  });
});

describe("issue 15 kubectl uses aggregated discovery", () => {
  let fx: LabFixture;
  beforeAll(async () => {
    fx = await startTestLab();
  });
  afterAll(async () => {
    await fx.close();
  });

  it("api-resources reads /api and /apis only, and shows the exact verbs", async () => {
    const res = await kubectl(fx, ["api-resources", "-o", "wide", "-v=6"]);
    expect(res.code).toBe(0);
    const gets = res.stderr.split("\n").filter((l) => / GET https?:\/\//.test(l)).map((l) => new URL(l.split(/\s+GET\s+/)[1]?.split(/\s/)[0] ?? "").pathname);
    expect(gets.sort()).toEqual(["/api", "/apis"]);
    const rows = res.stdout.split("\n").map((l) => l.trim().split(/\s+/));
    expect(rows.find((r) => r[0] === "namespaces")).toContain(NO_COLLECTION_DELETE.join(","));
    expect(rows.find((r) => r[0] === "configmaps")).toContain(FULL.join(","));
    expect(rows.find((r) => r[0] === "serviceentries")).toEqual(["serviceentries", "se", "networking.istio.io/v1", "true", "ServiceEntry", FULL.join(","), "istio-io,networking-istio-io"]);
  });
});
