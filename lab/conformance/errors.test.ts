// Conformance P0-3: errors are Status objects with upstream code, reason and message; bad input never crashes the
// server (each case is followed by a request that must still succeed).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SE_PATH, seObject, startLab, type Lab } from "./harness";

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab.close();
});
afterEach(async () => {
  // The server keeps serving after every bad request.
  expect((await lab.call("GET", "/healthz")).status).toBe(200);
  expect((await lab.call("GET", "/api/v1/namespaces/default")).status).toBe(200);
});

describe("P0-3 Status errors", () => {
  it("P0-3 NotFound 404 names the group resource", async () => {
    const reply = await lab.call("GET", `${SE_PATH}/a`);
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({
      kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", reason: "NotFound", code: 404,
      message: 'serviceentries.networking.istio.io "a" not found',
      details: { name: "a", group: "networking.istio.io", kind: "serviceentries" },
    });
  });

  it("P0-3 NotFound for a core kind has no group", async () => {
    const reply = await lab.call("GET", "/api/v1/namespaces/default/pods/p");
    expect(reply.body).toMatchObject({ reason: "NotFound", code: 404, message: 'pods "p" not found', details: { name: "p", kind: "pods" } });
  });

  it("P0-3 AlreadyExists 409", async () => {
    expect((await lab.call("POST", SE_PATH, seObject("dup"))).status).toBe(201);
    const reply = await lab.call("POST", SE_PATH, seObject("dup"));
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({
      kind: "Status", status: "Failure", reason: "AlreadyExists", code: 409,
      message: 'serviceentries.networking.istio.io "dup" already exists', details: { name: "dup", group: "networking.istio.io", kind: "serviceentries" },
    });
  });

  it("P0-3 Conflict 409 on a stale resourceVersion", async () => {
    const created = await lab.call("POST", SE_PATH, seObject("stale"));
    const first = { ...created.body, spec: { hosts: ["x.example"] } };
    expect((await lab.call("PUT", `${SE_PATH}/stale`, first)).status).toBe(200);
    const reply = await lab.call("PUT", `${SE_PATH}/stale`, { ...created.body, spec: { hosts: ["y.example"] } });
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({
      reason: "Conflict", code: 409,
      message: 'Operation cannot be fulfilled on serviceentries.networking.istio.io "stale": the object has been modified; please apply your changes to the latest version and try again',
    });
  });

  it("P0-3 Invalid 422 with causes", async () => {
    const reply = await lab.call("POST", SE_PATH, { apiVersion: "networking.istio.io/v1", kind: "ServiceEntry", metadata: {}, spec: {} });
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({
      reason: "Invalid", code: 422,
      message: 'ServiceEntry.networking.istio.io "" is invalid: metadata.name: Required value: name or generateName is required',
      details: { name: "", group: "networking.istio.io", kind: "ServiceEntry", causes: [{ reason: "FieldValueRequired", message: "Required value: name or generateName is required", field: "metadata.name" }] },
    });
  });

  it("P0-3 an invalid name is 422 FieldValueInvalid", async () => {
    const reply = await lab.call("POST", "/api/v1/namespaces/default/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "Bad_Name" } });
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({ reason: "Invalid", details: { causes: [{ reason: "FieldValueInvalid", field: "metadata.name" }] } });
    expect(String(reply.body.message)).toMatch(/^ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
  });

  it.each([["/no/such/path"], ["/apis/nope.io/v1/things"], ["/api/v1/namespaces/default/nothings"], ["/api/v2/pods"], [`${SE_PATH}/a/bogus`]])(
    "P0-3 unknown path %s is 404 Status",
    async (path) => {
      const reply = await lab.call("GET", path);
      expect(reply.status).toBe(404);
      expect(reply.body).toMatchObject({ kind: "Status", status: "Failure", reason: "NotFound", code: 404, message: "the server could not find the requested resource" });
    },
  );

  it.each([
    ["POST", `${SE_PATH}/a`], ["PUT", SE_PATH], ["PATCH", SE_PATH], ["POST", "/apis/networking.istio.io/v1/serviceentries"],
    ["DELETE", "/api/v1/pods"], ["POST", "/api/v1/namespaces/default/pods/p/log"], ["DELETE", "/version"],
  ])("P0-3 wrong verb %s %s is 405 MethodNotAllowed", async (method, path) => {
    const reply = await lab.call(method, path, method === "DELETE" ? undefined : {});
    expect(reply.status).toBe(405);
    expect(reply.body).toMatchObject({ kind: "Status", reason: "MethodNotAllowed", code: 405, message: "the server does not allow this method on the requested resource" });
  });
});

describe("P0-3 bad input is a 4xx Status, never a crash", () => {
  it.each([
    ["truncated JSON", "{\"apiVersion\":"], ["not JSON", "hello"], ["a JSON array", "[1,2]"], ["a JSON string", "\"x\""], ["null", "null"],
    ["metadata not an object", JSON.stringify({ apiVersion: "networking.istio.io/v1", kind: "ServiceEntry", metadata: 5 })],
  ])("P0-3 malformed body (%s) → 400 BadRequest", async (_label, body) => {
    const reply = await lab.call("POST", SE_PATH, body);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ kind: "Status", status: "Failure", reason: "BadRequest", code: 400 });
  });

  it("P0-3 wrong kind in body → 400", async () => {
    const reply = await lab.call("POST", SE_PATH, { ...seObject("k"), kind: "WorkloadEntry" });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ reason: "BadRequest" });
  });

  it("P0-3 wrong group in body → 400 with upstream's API version message", async () => {
    const reply = await lab.call("POST", SE_PATH, { ...seObject("k"), apiVersion: "apps/v1" });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ message: "the API version in the data (apps/v1) does not match the expected API version (networking.istio.io/v1)" });
  });

  it.each([["text/plain"], ["application/xml"], ["application/x-www-form-urlencoded"]])("P0-3 create with Content-Type %s → 415", async (type) => {
    const reply = await lab.call("POST", SE_PATH, JSON.stringify(seObject("ct")), { "Content-Type": type });
    expect(reply.status).toBe(415);
    expect(reply.body).toMatchObject({ kind: "Status", reason: "UnsupportedMediaType", code: 415 });
    expect(reply.contentType).toBe("application/json");
  });

  it("P0-3 unknown patch type → 415", async () => {
    await lab.call("POST", SE_PATH, seObject("pt"));
    const reply = await lab.call("PATCH", `${SE_PATH}/pt`, "{}", { "Content-Type": "application/json" });
    expect(reply.status).toBe(415);
    expect(reply.body).toMatchObject({
      reason: "UnsupportedMediaType",
      message: "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml",
    });
  });

  it("P0-3 YAML bodies are accepted for create", async () => {
    const yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\ndata:\n  a: b\n";
    const reply = await lab.call("POST", "/api/v1/namespaces/default/configmaps", yaml, { "Content-Type": "application/yaml" });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ metadata: { name: "from-yaml", namespace: "default" }, data: { a: "b" } });
  });

  it("P0-3 a bad label selector → 400", async () => {
    const reply = await lab.call("GET", `${SE_PATH}?labelSelector=${encodeURIComponent("a b c")}`);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ reason: "BadRequest" });
  });

  it("P0-3 an unacceptable Accept → 406", async () => {
    const reply = await lab.call("GET", SE_PATH, undefined, { Accept: "application/xml" });
    expect(reply.status).toBe(406);
    expect(reply.body).toMatchObject({ reason: "NotAcceptable", code: 406 });
  });

  it("P0-3 a non-numeric watch resourceVersion → 400", async () => {
    const reply = await lab.call("GET", `${SE_PATH}?watch=true&resourceVersion=abc`);
    expect(reply.status).toBe(400);
  });
});

// kubectl's typed clients (`kubectl create namespace|configmap|secret`) send protobuf; these are the exact bodies
// kubectl 1.32 sent for `create ns capns`, `create cm capcm --from-literal=a=b`, `create secret generic capsec …`.
const PROTO = {
  ns: "azhzAAoPCgJ2MRIJTmFtZXNwYWNlEh0KFQoFY2FwbnMSABoAIgAqADIAOABCABIAGgIKABoAIgA=",
  cm: "azhzAAoPCgJ2MRIJQ29uZmlnTWFwEiYKHAoFY2FwY20SABoHZGVmYXVsdCIAKgAyADgAQgASBgoBYRIBYhoAIgA=",
  secret: "azhzAAoMCgJ2MRIGU2VjcmV0EikKHQoGY2Fwc2VjEgAaB2RlZmF1bHQiACoAMgA4AEIAEgYKAWESAWIaABoAIgA=",
};

describe("P0-3 protobuf bodies from kubectl create", () => {
  const post = (path: string, b64: string) =>
    fetch(lab.url + path, { method: "POST", body: Buffer.from(b64, "base64"), headers: { "Content-Type": "application/vnd.kubernetes.protobuf", Accept: "application/vnd.kubernetes.protobuf,application/json" } });

  it.each([
    ["/api/v1/namespaces", PROTO.ns, { kind: "Namespace", metadata: { name: "capns" }, spec: { finalizers: ["kubernetes"] } }],
    ["/api/v1/namespaces/default/configmaps", PROTO.cm, { kind: "ConfigMap", metadata: { name: "capcm", namespace: "default" }, data: { a: "b" } }],
    ["/api/v1/namespaces/default/secrets", PROTO.secret, { kind: "Secret", metadata: { name: "capsec", namespace: "default" }, data: { a: "Yg==" } }],
  ])("P0-3 POST %s with a protobuf body → 201 JSON", async (path, b64, expected) => {
    const res = await post(path, b64);
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toMatchObject(expected);
  });

  it("P0-3 a garbage protobuf body → 400, a protobuf body of an unsupported kind → 415", async () => {
    expect((await post("/api/v1/namespaces/default/configmaps", Buffer.from("nonsense").toString("base64"))).status).toBe(400);
    // Custom resources have no protobuf encoding (every built-in kind has one): 415.
    const typeMeta = Buffer.concat([Buffer.from([0x0a, 0x16]), Buffer.from("networking.istio.io/v1"), Buffer.from([0x12, 0x0c]), Buffer.from("ServiceEntry")]);
    const se = Buffer.concat([Buffer.from([0x6b, 0x38, 0x73, 0x00, 0x0a, typeMeta.length]), typeMeta]);
    expect((await post("/apis/networking.istio.io/v1/namespaces/default/serviceentries", se.toString("base64"))).status).toBe(415);
  });
});
