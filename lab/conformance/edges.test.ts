// Conformance P2-15: URL/body mismatches, terminating namespaces, finalizers on deleting objects, sendInitialEvents.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SE_PATH, openWatch, pick, seObject, startLab, type Lab } from "./harness";

let lab: Lab;
beforeAll(async () => {
  lab = await startLab({ namespaces: ["default", "other", "ending"] });
});
afterAll(async () => {
  await lab.close();
});

describe("P2-15 edges", () => {
  it("P2-15 create: body namespace differs from the URL → 400", async () => {
    const reply = await lab.call("POST", SE_PATH, seObject("m", "other"));
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ reason: "BadRequest", message: "the namespace of the provided object does not match the namespace sent on the request" });
  });

  it("P2-15 update: body name differs from the URL → 400", async () => {
    const created = await lab.call("POST", SE_PATH, seObject("n1"));
    const reply = await lab.call("PUT", `${SE_PATH}/n1`, { ...created.body, metadata: { ...(created.body.metadata as object), name: "n2" } });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ reason: "BadRequest", message: "the name of the object (n2) does not match the name on the URL (n1)" });
  });

  it("P2-15 update: body namespace differs from the URL → 400", async () => {
    const created = await lab.call("POST", SE_PATH, seObject("n3"));
    const reply = await lab.call("PUT", `${SE_PATH}/n3`, { ...created.body, metadata: { ...(created.body.metadata as object), namespace: "other" } });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ message: "the namespace of the provided object does not match the namespace sent on the request" });
  });

  it("P2-15 creating in a terminating namespace → 403 Forbidden", async () => {
    await lab.call("POST", "/apis/networking.istio.io/v1/namespaces/ending/serviceentries", seObject("hold", "ending", { finalizers: ["x.example/hold"] }));
    await lab.call("DELETE", "/api/v1/namespaces/ending");
    const reply = await lab.call("POST", "/apis/networking.istio.io/v1/namespaces/ending/serviceentries", seObject("late", "ending"));
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({
      kind: "Status", reason: "Forbidden", code: 403,
      message: 'serviceentries.networking.istio.io "late" is forbidden: unable to create new content in namespace ending because it is being terminated',
      details: { name: "late", group: "networking.istio.io", kind: "serviceentries", causes: [{ reason: "NamespaceTerminating", field: "metadata.namespace" }] },
    });
  });

  it("P2-15 adding a finalizer to an object being deleted → 422", async () => {
    await lab.call("POST", SE_PATH, seObject("dying", "default", { finalizers: ["a.example/one"] }));
    await lab.call("DELETE", `${SE_PATH}/dying`);
    const reply = await lab.call("PATCH", `${SE_PATH}/dying`, { metadata: { finalizers: ["a.example/one", "b.example/two"] } });
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({
      reason: "Invalid",
      message: 'ServiceEntry.networking.istio.io "dying" is invalid: metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"b.example/two"}',
      details: { causes: [{ reason: "FieldValueForbidden", field: "metadata.finalizers" }] },
    });
  });

  it("P2-15 sendInitialEvents=true: current state, then a bookmark annotated k8s.io/initial-events-end, then live events", async () => {
    await lab.call("POST", SE_PATH, seObject("sie"));
    const url = `${lab.url}${SE_PATH}?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&fieldSelector=metadata.name%3Dsie`;
    const watch = await openWatch(url);
    const [added, bookmark] = await watch.waitFor(2);
    expect(added).toMatchObject({ type: "ADDED", object: { metadata: { name: "sie" } } });
    expect(bookmark).toMatchObject({ type: "BOOKMARK", object: { metadata: { annotations: { "k8s.io/initial-events-end": "true" } } } });
    expect(pick(bookmark?.object, "metadata.resourceVersion")).toBe(lab.store.currentResourceVersion());
    await lab.call("PATCH", `${SE_PATH}/sie`, { metadata: { labels: { live: "y" } } });
    await watch.waitFor(3);
    expect(watch.events.find((e) => e.type === "MODIFIED")).toMatchObject({ object: { metadata: { labels: { live: "y" } } } });
    watch.close();
  });

  it("P2-15 sendInitialEvents without resourceVersionMatch=NotOlderThan → 422, never ignored", async () => {
    const reply = await lab.call("GET", `${SE_PATH}?watch=true&sendInitialEvents=true`);
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({
      reason: "Invalid",
      message: 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan',
    });
  });

  it("P2-15 resourceVersionMatch on a watch without sendInitialEvents → 422", async () => {
    const reply = await lab.call("GET", `${SE_PATH}?watch=true&resourceVersionMatch=NotOlderThan`);
    expect(reply.status).toBe(422);
  });

  it("P2-15 a cluster-scoped create drops a namespace in the body", async () => {
    const reply = await lab.call("POST", "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "fresh", namespace: "x" } });
    expect(reply.status).toBe(201);
    expect(pick(reply.body, "metadata.namespace")).toBeUndefined();
    expect(reply.body).toMatchObject({ spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } });
  });

  it("P2-15 delete preconditions: a stale resourceVersion → 409", async () => {
    const created = await lab.call("POST", SE_PATH, seObject("pre"));
    await lab.call("PATCH", `${SE_PATH}/pre`, { metadata: { labels: { a: "b" } } });
    const body = { kind: "DeleteOptions", apiVersion: "v1", preconditions: { resourceVersion: pick(created.body, "metadata.resourceVersion") } };
    const reply = await lab.call("DELETE", `${SE_PATH}/pre`, body);
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ reason: "Conflict" });
  });

  it("P2-15 non-apply writes record the User-Agent prefix as field manager", async () => {
    const reply = await lab.call("POST", "/api/v1/namespaces/default/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "ua" }, data: { a: "b" } }, { "User-Agent": "kubectl/v1.32.4 (linux/amd64)" });
    expect(reply.status).toBe(201);
    expect(pick(reply.body, "metadata.managedFields.0")).toMatchObject({ manager: "kubectl", operation: "Update", fieldsType: "FieldsV1" });
    const named = await lab.call("POST", "/api/v1/namespaces/default/configmaps?fieldManager=tester", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "fm" }, data: { a: "b" } });
    expect(pick(named.body, "metadata.managedFields.0.manager")).toBe("tester");
  });

  it.each([
    ["POST", SE_PATH, "CreateOptions"], ["PUT", `${SE_PATH}/n1`, "UpdateOptions"], ["PATCH", `${SE_PATH}/n1`, "PatchOptions"], ["DELETE", `${SE_PATH}/n1`, "DeleteOptions"],
  ])("P2-15 an unsupported dryRun value on %s → 422 on %s", async (method, path, kind) => {
    const body = method === "DELETE" ? undefined : method === "PATCH" ? { metadata: { labels: { a: "b" } } } : seObject("n1");
    const reply = await lab.call(method, `${path}?dryRun=Yes`, body);
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({ reason: "Invalid", message: `${kind}.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"Yes"}: supported values: "All"` });
    expect((await lab.call("GET", `${SE_PATH}/n1`)).status).toBe(200);
  });
});
