// Conformance P0-7: list with label and field selectors, limit/continue at a stable resourceVersion, ordering by
// namespace/name, all-namespaces paths.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SE_PATH, names, pick, seObject, startLab, type Lab } from "./harness";

let lab: Lab;
const ALL = "/apis/networking.istio.io/v1/serviceentries";
const enc = encodeURIComponent;

beforeAll(async () => {
  lab = await startLab({ namespaces: ["default", "b-ns", "a-ns", "a"], historySize: 50 });
  const seed: Array<[string, string, Record<string, string>]> = [
    ["default", "zeta", { app: "web", tier: "front" }], ["default", "alpha", { app: "web", tier: "back" }],
    ["default", "mid", { app: "db" }], ["default", "nolabel", {}],
    ["b-ns", "one", { app: "web" }], ["a-ns", "two", { app: "db", tier: "back" }], ["a", "three", { app: "web" }],
  ];
  for (const [ns, name, labels] of seed) {
    const reply = await lab.call("POST", `/apis/networking.istio.io/v1/namespaces/${ns}/serviceentries`, seObject(name, ns, { labels }));
    expect(reply.status).toBe(201);
  }
});
afterAll(async () => {
  await lab.close();
});

describe("P0-7 list", () => {
  it("P0-7 a namespaced list is a <Kind>List ordered by name with the counter as resourceVersion", async () => {
    const reply = await lab.call("GET", SE_PATH);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ kind: "ServiceEntryList", apiVersion: "networking.istio.io/v1", metadata: { resourceVersion: lab.store.currentResourceVersion() } });
    expect(names(reply.body)).toEqual(["alpha", "mid", "nolabel", "zeta"]);
    expect(pick(reply.body, "items.0.kind")).toBe("ServiceEntry");
  });

  it("P0-7 the all-namespaces path lists every namespace ordered by namespace then name", async () => {
    const reply = await lab.call("GET", ALL);
    const items = reply.body.items as Array<{ metadata: { namespace: string; name: string } }>;
    expect(items.map((i) => `${i.metadata.namespace}/${i.metadata.name}`)).toEqual(["a/three", "a-ns/two", "b-ns/one", "default/alpha", "default/mid", "default/nolabel", "default/zeta"]);
  });

  it.each([
    ["app=web", ["a/three", "b-ns/one", "default/alpha", "default/zeta"]],
    ["app==web", ["a/three", "b-ns/one", "default/alpha", "default/zeta"]],
    ["app!=web", ["a-ns/two", "default/mid", "default/nolabel"]],
    ["app in (db,cache)", ["a-ns/two", "default/mid"]],
    ["app notin (web)", ["a-ns/two", "default/mid", "default/nolabel"]],
    ["tier", ["a-ns/two", "default/alpha", "default/zeta"]],
    ["!tier", ["a/three", "b-ns/one", "default/mid", "default/nolabel"]],
    ["app=web,tier=back", ["default/alpha"]],
    ["app in (web),!tier", ["a/three", "b-ns/one"]],
  ])("P0-7 labelSelector %s", async (selector, expected) => {
    const reply = await lab.call("GET", `${ALL}?labelSelector=${enc(selector)}`);
    expect(reply.status).toBe(200);
    const items = reply.body.items as Array<{ metadata: { namespace: string; name: string } }>;
    expect(items.map((i) => `${i.metadata.namespace}/${i.metadata.name}`)).toEqual(expected);
  });

  it.each([
    ["metadata.name=mid", ["default/mid"]],
    ["metadata.name!=mid,metadata.namespace=default", ["default/alpha", "default/nolabel", "default/zeta"]],
    ["metadata.namespace==a", ["a/three"]],
  ])("P0-7 fieldSelector %s", async (selector, expected) => {
    const reply = await lab.call("GET", `${ALL}?fieldSelector=${enc(selector)}`);
    const items = reply.body.items as Array<{ metadata: { namespace: string; name: string } }>;
    expect(items.map((i) => `${i.metadata.namespace}/${i.metadata.name}`)).toEqual(expected);
  });

  it("P0-7 an unsupported field label → 400 field label not supported", async () => {
    const reply = await lab.call("GET", `${SE_PATH}?fieldSelector=${enc("spec.location=MESH_INTERNAL")}`);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ kind: "Status", reason: "BadRequest", code: 400, message: "field label not supported: spec.location" });
  });

  it("P0-7 pods support their extra field labels (status.phase)", async () => {
    const reply = await lab.call("GET", `/api/v1/pods?fieldSelector=${enc("status.phase!=Succeeded")}`);
    expect(reply.status).toBe(200);
  });

  it("P0-7 limit/continue pages at the first page's resourceVersion despite concurrent writes", async () => {
    const first = await lab.call("GET", `${ALL}?limit=3`);
    expect(names(first.body)).toEqual(["three", "two", "one"]);
    const listRv = pick(first.body, "metadata.resourceVersion");
    expect(pick(first.body, "metadata.remainingItemCount")).toBe(4);
    const token = String(pick(first.body, "metadata.continue"));
    expect(token).not.toBe("");
    // Writes after the first page must not show up in later pages.
    await lab.call("POST", SE_PATH, seObject("added-later"));
    await lab.call("DELETE", `${SE_PATH}/mid`);
    await lab.call("PATCH", `${SE_PATH}/zeta`, { metadata: { labels: { changed: "yes" } } });
    const second = await lab.call("GET", `${ALL}?limit=3&continue=${enc(token)}`);
    expect(second.status).toBe(200);
    expect(names(second.body)).toEqual(["alpha", "mid", "nolabel"]);
    expect(pick(second.body, "metadata.resourceVersion")).toBe(listRv);
    const third = await lab.call("GET", `${ALL}?limit=3&continue=${enc(String(pick(second.body, "metadata.continue")))}`);
    expect(names(third.body)).toEqual(["zeta"]);
    expect(pick(third.body, "items.0.metadata.labels.changed")).toBeUndefined();
    expect(pick(third.body, "metadata.continue")).toBeUndefined();
    // Restore for the other cases.
    await lab.call("POST", SE_PATH, seObject("mid", "default", { labels: { app: "db" } }));
    await lab.call("DELETE", `${SE_PATH}/added-later`);
  });

  it("P0-7 a malformed continue token → 400", async () => {
    const reply = await lab.call("GET", `${ALL}?limit=1&continue=garbage`);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ reason: "BadRequest" });
  });

  it("P0-7 a continue token older than the kept history → 410 Expired with a fresh token", async () => {
    const first = await lab.call("GET", `${ALL}?limit=2`);
    const token = String(pick(first.body, "metadata.continue"));
    for (let i = 0; i < 60; i++) await lab.call("PATCH", `${SE_PATH}/nolabel`, { metadata: { labels: { n: String(i) } } });
    const reply = await lab.call("GET", `${ALL}?limit=2&continue=${enc(token)}`);
    expect(reply.status).toBe(410);
    expect(reply.body).toMatchObject({ kind: "Status", reason: "Expired", code: 410 });
    expect(String(reply.body.message)).toMatch(/^The provided continue parameter is too old to display a consistent list result/);
    expect(pick(reply.body, "metadata.continue")).toEqual(expect.any(String));
  });

  it("P0-7 list validation: sendInitialEvents on a list → 422", async () => {
    const reply = await lab.call("GET", `${SE_PATH}?sendInitialEvents=true`);
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({ reason: "Invalid", message: 'ListOptions.meta.k8s.io "" is invalid: sendInitialEvents: Forbidden: sendInitialEvents is forbidden for list' });
  });

  it("P0-7 an all-namespaces list of a core kind", async () => {
    await lab.call("POST", "/api/v1/namespaces/a/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" } });
    await lab.call("POST", "/api/v1/namespaces/default/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" } });
    const reply = await lab.call("GET", "/api/v1/configmaps");
    expect(reply.body).toMatchObject({ kind: "ConfigMapList", apiVersion: "v1" });
    expect((reply.body.items as Array<{ metadata: { namespace: string } }>).map((i) => i.metadata.namespace)).toEqual(["a", "default"]);
  });

  it("P0-7 a list at a resourceVersion not reached yet waits for it, then 504 Timeout", async () => {
    const future = Number(lab.store.currentResourceVersion()) + 1000;
    const started = Date.now();
    const reply = await lab.call("GET", `${SE_PATH}?resourceVersion=${future}`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
    expect(reply.status).toBe(504);
    expect(reply.body).toMatchObject({ kind: "Status", reason: "Timeout", code: 504, message: `Too large resource version: ${future}, current: ${lab.store.currentResourceVersion()}` });
  });

  it("P0-7 a list at a resourceVersion reached while waiting answers 200", async () => {
    const next = Number(lab.store.currentResourceVersion()) + 1;
    const pending = lab.call("GET", `${SE_PATH}?resourceVersion=${next}`);
    await lab.call("POST", "/api/v1/namespaces/default/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "bump" } });
    const reply = await pending;
    expect(reply.status).toBe(200);
    expect(Number(pick(reply.body, "metadata.resourceVersion"))).toBeGreaterThanOrEqual(next);
  });

  it("P0-7 resourceVersionMatch=Exact lists the state at that resourceVersion", async () => {
    const before = lab.store.currentResourceVersion();
    await lab.call("POST", SE_PATH, seObject("exact-new"));
    const reply = await lab.call("GET", `${SE_PATH}?resourceVersion=${before}&resourceVersionMatch=Exact`);
    expect(reply.status).toBe(200);
    expect(pick(reply.body, "metadata.resourceVersion")).toBe(before);
    expect(names(reply.body)).not.toContain("exact-new");
    expect(names((await lab.call("GET", SE_PATH)).body)).toContain("exact-new");
  });
});
