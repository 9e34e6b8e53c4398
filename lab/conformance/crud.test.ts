// Conformance P0-4 (create), P0-5 (resourceVersion) and P0-6 (update) over raw HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SE_PATH, openWatch, pick, seObject, startLab, type Lab } from "./harness";

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab.close();
});

const rv = (body: unknown) => Number(pick(body, "metadata.resourceVersion"));

describe("P0-4 create", () => {
  it("P0-4 answers 201 with uid, creationTimestamp (seconds), resourceVersion and generation 1", async () => {
    const reply = await lab.call("POST", SE_PATH, seObject("c1"));
    expect(reply.status).toBe(201);
    const meta = reply.body.metadata as Record<string, unknown>;
    expect(meta.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(meta.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(meta.resourceVersion).toMatch(/^\d+$/);
    expect(meta.generation).toBe(1);
    expect(reply.body).toMatchObject({ apiVersion: "networking.istio.io/v1", kind: "ServiceEntry", metadata: { name: "c1", namespace: "default" } });
    const got = await lab.call("GET", `${SE_PATH}/c1`);
    expect(got.body).toEqual(reply.body);
  });

  it.each([
    ["/api/v1/namespaces/default/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "nogen" } }, undefined],
    ["/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "nogen" } }, undefined],
    ["/apis/apps/v1/namespaces/default/deployments", { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "gen" }, spec: { selector: { matchLabels: { a: "b" } }, template: { metadata: { labels: { a: "b" } }, spec: { containers: [{ name: "c", image: "i" }] } } } }, 1],
  ])("P0-4 generation is set only on kinds that track it (%s)", async (path, body, expected) => {
    const reply = await lab.call("POST", path, body);
    expect(reply.status).toBe(201);
    expect(pick(reply.body, "metadata.generation")).toBe(expected);
  });

  it("P0-4 generateName appends 5 characters from the upstream alphabet", async () => {
    // A valid host (istiod refuses ".example…"): only the name is generated.
    const reply = await lab.call("POST", SE_PATH, { ...seObject("gen"), metadata: { generateName: "gen-" } });
    expect(reply.status).toBe(201);
    expect(String(pick(reply.body, "metadata.name"))).toMatch(/^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it("P0-4 missing name → 422", async () => {
    const reply = await lab.call("POST", SE_PATH, { ...seObject(""), metadata: {} });
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({ reason: "Invalid", details: { causes: [{ field: "metadata.name" }] } });
  });

  it("P0-4 missing namespace → 404 namespaces not found", async () => {
    const reply = await lab.call("POST", "/apis/networking.istio.io/v1/namespaces/ghost/serviceentries", seObject("x", "ghost"));
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ reason: "NotFound", message: 'namespaces "ghost" not found', details: { name: "ghost", kind: "namespaces" } });
  });

  it("P0-4 dryRun=All returns the object but stores nothing", async () => {
    const reply = await lab.call("POST", `${SE_PATH}?dryRun=All`, seObject("dry"));
    expect(reply.status).toBe(201);
    expect(pick(reply.body, "metadata.name")).toBe("dry");
    expect((await lab.call("GET", `${SE_PATH}/dry`)).status).toBe(404);
  });

  it("P0-4 objects are served in the requested version (v1beta1 body and path)", async () => {
    const path = "/apis/networking.istio.io/v1beta1/namespaces/default/serviceentries";
    const reply = await lab.call("POST", path, { ...seObject("beta"), apiVersion: "networking.istio.io/v1beta1" });
    expect(reply.status).toBe(201);
    expect(reply.body.apiVersion).toBe("networking.istio.io/v1beta1");
    expect((await lab.call("GET", `${SE_PATH}/beta`)).body.apiVersion).toBe("networking.istio.io/v1");
  });
});

describe("P0-5 one increasing resourceVersion counter", () => {
  it("P0-5 every write bumps it, across kinds, status and finalizer changes included; a list reports the counter", async () => {
    const a = await lab.call("POST", SE_PATH, seObject("rv1"));
    const b = await lab.call("POST", "/api/v1/namespaces/default/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "rv-cm" } });
    expect(rv(b.body)).toBeGreaterThan(rv(a.body));
    const status = await lab.call("PUT", `${SE_PATH}/rv1/status`, { ...a.body, status: { conditions: [{ type: "Ready", status: "True" }] } });
    expect(status.status).toBe(200);
    expect(rv(status.body)).toBeGreaterThan(rv(b.body));
    const fin = await lab.call("PATCH", `${SE_PATH}/rv1`, { metadata: { finalizers: ["example.com/x"] } });
    expect(rv(fin.body)).toBeGreaterThan(rv(status.body));
    const list = await lab.call("GET", SE_PATH);
    expect(list.body.metadata).toMatchObject({ resourceVersion: String(lab.store.currentResourceVersion()) });
    expect(Number(pick(list.body, "metadata.resourceVersion"))).toBe(rv(fin.body));
    await lab.call("PATCH", `${SE_PATH}/rv1`, { metadata: { finalizers: null } });
  });

  it("P0-5 an identical rewrite is a no-op: same resourceVersion, no event", async () => {
    const created = await lab.call("POST", SE_PATH, seObject("same"));
    const watch = await openWatch(`${lab.url}${SE_PATH}?watch=true&resourceVersion=${rv(created.body)}`);
    const again = await lab.call("PUT", `${SE_PATH}/same`, created.body);
    expect(again.status).toBe(200);
    expect(rv(again.body)).toBe(rv(created.body));
    await lab.call("POST", "/api/v1/namespaces/default/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "marker" } });
    await lab.call("PATCH", `${SE_PATH}/same`, { metadata: { labels: { touched: "yes" } } });
    const [first] = await watch.waitFor(1);
    expect(first).toMatchObject({ type: "MODIFIED", object: { metadata: { labels: { touched: "yes" } } } });
    watch.close();
  });
});

describe("P0-6 update", () => {
  it("P0-6 stale resourceVersion → 409 Conflict", async () => {
    const created = await lab.call("POST", SE_PATH, seObject("u1"));
    await lab.call("PATCH", `${SE_PATH}/u1`, { metadata: { labels: { a: "b" } } });
    const reply = await lab.call("PUT", `${SE_PATH}/u1`, created.body);
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ reason: "Conflict" });
  });

  it("P0-6 custom resource without resourceVersion → 422", async () => {
    const created = await lab.call("POST", SE_PATH, seObject("u2"));
    const body = { ...created.body, metadata: { name: "u2", namespace: "default" } };
    const reply = await lab.call("PUT", `${SE_PATH}/u2`, body);
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({
      reason: "Invalid",
      message: 'ServiceEntry.networking.istio.io "u2" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update',
      details: { causes: [{ reason: "FieldValueInvalid", field: "metadata.resourceVersion", message: "Invalid value: 0x0: must be specified for an update" }] },
    });
  });

  it("P0-6 a built-in may be updated without resourceVersion (unconditional update)", async () => {
    await lab.call("POST", "/api/v1/namespaces/default/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "uncond" }, data: { a: "1" } });
    const reply = await lab.call("PUT", "/api/v1/namespaces/default/configmaps/uncond", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "uncond" }, data: { a: "2" } });
    expect(reply.status).toBe(200);
    expect(reply.body.data).toEqual({ a: "2" });
  });

  it("P0-6 PUT to a missing custom resource → 404", async () => {
    const reply = await lab.call("PUT", `${SE_PATH}/missing`, { ...seObject("missing"), metadata: { name: "missing", namespace: "default", resourceVersion: "1" } });
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ reason: "NotFound", message: 'serviceentries.networking.istio.io "missing" not found' });
  });

  it("P0-6 the main resource ignores status; /status changes only status", async () => {
    const created = await lab.call("POST", SE_PATH, { ...seObject("st"), status: { phase: "ignored-on-create" } });
    expect(created.body.status).toBeUndefined();
    const main = await lab.call("PUT", `${SE_PATH}/st`, { ...created.body, status: { phase: "ignored" }, spec: { hosts: ["new.example"] } });
    expect(main.status).toBe(200);
    expect(main.body.status).toBeUndefined();
    expect(pick(main.body, "spec.hosts")).toEqual(["new.example"]);
    const sub = await lab.call("PUT", `${SE_PATH}/st/status`, { ...main.body, status: { phase: "set" }, spec: { hosts: ["ignored.example"] }, metadata: { ...(main.body.metadata as object), labels: { ignored: "yes" } } });
    expect(sub.status).toBe(200);
    expect(sub.body.status).toEqual({ phase: "set" });
    expect(pick(sub.body, "spec.hosts")).toEqual(["new.example"]);
    expect(pick(sub.body, "metadata.labels")).toBeUndefined();
    const got = await lab.call("GET", `${SE_PATH}/st/status`);
    expect(got.body.status).toEqual({ phase: "set" });
  });

  it("P0-6 generation rises on spec changes only", async () => {
    const created = await lab.call("POST", SE_PATH, seObject("gen"));
    const labelled = await lab.call("PATCH", `${SE_PATH}/gen`, { metadata: { labels: { x: "y" } } });
    expect(pick(labelled.body, "metadata.generation")).toBe(1);
    const status = await lab.call("PATCH", `${SE_PATH}/gen/status`, { status: { phase: "p" } });
    expect(pick(status.body, "metadata.generation")).toBe(1);
    const spec = await lab.call("PATCH", `${SE_PATH}/gen`, { spec: { resolution: "DNS" } });
    expect(pick(spec.body, "metadata.generation")).toBe(2);
    expect(rv(spec.body)).toBeGreaterThan(rv(created.body));
  });

  // A forged uid is a 409 (a UID precondition, as upstream): lab/conformance/delete-propagation.test.ts.
  it("P0-6 system metadata (creationTimestamp) cannot be changed by an update", async () => {
    const created = await lab.call("POST", SE_PATH, seObject("sys"));
    const body = { ...created.body, metadata: { ...(created.body.metadata as object), creationTimestamp: "2000-01-01T00:00:00Z" } };
    const reply = await lab.call("PUT", `${SE_PATH}/sys`, body);
    expect(pick(reply.body, "metadata.uid")).toBe(pick(created.body, "metadata.uid"));
    expect(pick(reply.body, "metadata.creationTimestamp")).toBe(pick(created.body, "metadata.creationTimestamp"));
  });

  it("P0-6 PUT to a missing Endpoints creates it (AllowCreateOnUpdate) → 201", async () => {
    const body = { apiVersion: "v1", kind: "Endpoints", metadata: { name: "ep", namespace: "default" }, subsets: [] };
    const reply = await lab.call("PUT", "/api/v1/namespaces/default/endpoints/ep", body);
    expect(reply.status).toBe(201);
    expect(pick(reply.body, "metadata.uid")).toEqual(expect.any(String));
  });
});
