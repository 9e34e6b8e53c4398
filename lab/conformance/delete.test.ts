// Conformance P0-10: delete (Status Success for custom resources, the object for pods), finalizers, namespace
// lifecycle, deletecollection.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SE_PATH, openWatch, pick, seObject, startLab, type Lab } from "./harness";

let lab: Lab;
beforeAll(async () => {
  lab = await startLab({ namespaces: ["default", "doomed", "held"] });
});
afterAll(async () => {
  await lab.close();
});

const rv = (body: unknown) => Number(pick(body, "metadata.resourceVersion"));

describe("P0-10 delete", () => {
  it("P0-10 custom resource without finalizers → 200 Status Success and a DELETED event", async () => {
    const created = await lab.call("POST", SE_PATH, seObject("d1"));
    const watch = await openWatch(`${lab.url}${SE_PATH}?watch=true&resourceVersion=${rv(created.body)}`);
    const reply = await lab.call("DELETE", `${SE_PATH}/d1`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      kind: "Status", apiVersion: "v1", metadata: {}, status: "Success",
      details: { name: "d1", group: "networking.istio.io", kind: "serviceentries", uid: pick(created.body, "metadata.uid") },
    });
    const [event] = await watch.waitFor(1);
    expect(event).toMatchObject({ type: "DELETED", object: { metadata: { name: "d1" } } });
    expect(Number(pick(event?.object, "metadata.resourceVersion"))).toBeGreaterThan(rv(created.body));
    expect((await lab.call("GET", `${SE_PATH}/d1`)).status).toBe(404);
    watch.close();
  });

  it("P0-10 a pod delete answers the deleted object (ReturnDeletedObject)", async () => {
    await lab.call("POST", "/api/v1/namespaces/default/pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "c", image: "i" }] } });
    const reply = await lab.call("DELETE", "/api/v1/namespaces/default/pods/p");
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ kind: "Pod", metadata: { name: "p" } });
  });

  it("P0-10 delete of a missing object → 404", async () => {
    const reply = await lab.call("DELETE", `${SE_PATH}/never`);
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ reason: "NotFound", message: 'serviceentries.networking.istio.io "never" not found' });
  });

  it("P0-10 with finalizers: deletionTimestamp set, kept until the last finalizer goes", async () => {
    await lab.call("POST", SE_PATH, seObject("fin", "default", { finalizers: ["a.example/one", "b.example/two"] }));
    const reply = await lab.call("DELETE", `${SE_PATH}/fin`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ kind: "ServiceEntry", metadata: { name: "fin", deletionGracePeriodSeconds: 0 } });
    expect(pick(reply.body, "metadata.deletionTimestamp")).toMatch(/Z$/);
    const again = await lab.call("DELETE", `${SE_PATH}/fin`);
    expect(again.status).toBe(200);
    const one = await lab.call("PATCH", `${SE_PATH}/fin`, [{ op: "remove", path: "/metadata/finalizers/0" }], { "Content-Type": "application/json-patch+json" });
    expect(one.status).toBe(200);
    expect(pick(one.body, "metadata.finalizers")).toEqual(["b.example/two"]);
    expect((await lab.call("GET", `${SE_PATH}/fin`)).status).toBe(200);
    const last = await lab.call("PATCH", `${SE_PATH}/fin`, { metadata: { finalizers: null } });
    expect(last.status).toBe(200);
    expect((await lab.call("GET", `${SE_PATH}/fin`)).status).toBe(404);
  });

  it("P0-10 namespace deletion: Terminating, contents deleted, then the namespace goes", async () => {
    await lab.call("POST", "/apis/networking.istio.io/v1/namespaces/doomed/serviceentries", seObject("x", "doomed"));
    await lab.call("POST", "/api/v1/namespaces/doomed/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cm" } });
    const reply = await lab.call("DELETE", "/api/v1/namespaces/doomed");
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ kind: "Namespace", status: { phase: "Terminating" } });
    expect((await lab.call("GET", "/apis/networking.istio.io/v1/namespaces/doomed/serviceentries/x")).status).toBe(404);
    expect((await lab.call("GET", "/api/v1/namespaces/doomed/configmaps/cm")).status).toBe(404);
    expect((await lab.call("GET", "/api/v1/namespaces/doomed")).status).toBe(404);
  });

  it("P0-10 a namespace stays Terminating while a finalizer holds content, then goes", async () => {
    await lab.call("POST", "/apis/networking.istio.io/v1/namespaces/held/serviceentries", seObject("h", "held", { finalizers: ["x.example/hold"] }));
    await lab.call("DELETE", "/api/v1/namespaces/held");
    const ns = await lab.call("GET", "/api/v1/namespaces/held");
    expect(ns.body).toMatchObject({ status: { phase: "Terminating" } });
    const twice = await lab.call("DELETE", "/api/v1/namespaces/held");
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ reason: "Conflict" });
    expect(pick(await lab.call("GET", "/apis/networking.istio.io/v1/namespaces/held/serviceentries/h").then((r) => r.body), "metadata.deletionTimestamp")).toBeDefined();
    await lab.call("PATCH", "/apis/networking.istio.io/v1/namespaces/held/serviceentries/h", { metadata: { finalizers: null } });
    expect((await lab.call("GET", "/api/v1/namespaces/held")).status).toBe(404);
  });

  it("P0-10 deletecollection removes what the selector matches", async () => {
    await lab.call("POST", SE_PATH, seObject("dc1", "default", { labels: { batch: "x" } }));
    await lab.call("POST", SE_PATH, seObject("dc2", "default", { labels: { batch: "x" } }));
    await lab.call("POST", SE_PATH, seObject("dc3"));
    const reply = await lab.call("DELETE", `${SE_PATH}?labelSelector=batch%3Dx`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ kind: "ServiceEntryList" });
    expect((await lab.call("GET", `${SE_PATH}/dc1`)).status).toBe(404);
    expect((await lab.call("GET", `${SE_PATH}/dc3`)).status).toBe(200);
  });
});
