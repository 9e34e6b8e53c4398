// Conformance P0-8: watch streams (initial ADDED, resume from a resourceVersion, DELETED last state, selector
// transitions, 410 Expired in-band then close, bookmarks only on request, sendInitialEvents, timeouts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SE_PATH, openWatch, pick, seObject, startLab, type Lab } from "./harness";

let lab: Lab;
beforeAll(async () => {
  lab = await startLab({ namespaces: ["default", "other"], historySize: 20, server: { watch: { bookmarkIntervalMs: 50, freshnessTimeoutMs: 300 } } });
});
afterAll(async () => {
  await lab.close();
});

const rvOf = (body: unknown) => String(pick(body, "metadata.resourceVersion"));

describe("P0-8 watch", () => {
  it("P0-8 200, application/json, newline-delimited events; without resourceVersion ADDED for existing objects first", async () => {
    await lab.call("POST", SE_PATH, seObject("w-a"));
    await lab.call("POST", SE_PATH, seObject("w-b"));
    const watch = await openWatch(`${lab.url}${SE_PATH}?watch=true&fieldSelector=${encodeURIComponent("metadata.name!=nothing")}`);
    expect(watch.status).toBe(200);
    expect(watch.contentType).toBe("application/json");
    const initial = await watch.waitFor(2);
    expect(initial.map((e) => `${e.type}:${String(pick(e.object, "metadata.name"))}`)).toEqual(["ADDED:w-a", "ADDED:w-b"]);
    await lab.call("POST", SE_PATH, seObject("w-c"));
    const events = await watch.waitFor(3);
    expect(events[2]).toMatchObject({ type: "ADDED", object: { kind: "ServiceEntry", metadata: { name: "w-c" } } });
    watch.close();
  });

  it("P0-8 resourceVersion=0 also starts with the current state", async () => {
    const watch = await openWatch(`${lab.url}${SE_PATH}?watch=1&resourceVersion=0&labelSelector=set%3Dzero`);
    await lab.call("POST", SE_PATH, seObject("zero", "default", { labels: { set: "zero" } }));
    const [event] = await watch.waitFor(1);
    expect(event).toMatchObject({ type: "ADDED", object: { metadata: { name: "zero" } } });
    watch.close();
  });

  it("P0-8 from a resourceVersion: exactly the later events, in order; DELETED carries the last state", async () => {
    const created = await lab.call("POST", SE_PATH, seObject("seq"));
    const from = rvOf(created.body);
    const modified = await lab.call("PATCH", `${SE_PATH}/seq`, { metadata: { labels: { step: "2" } } });
    await lab.call("POST", "/apis/networking.istio.io/v1/namespaces/other/serviceentries", seObject("elsewhere", "other"));
    await lab.call("DELETE", `${SE_PATH}/seq`);
    const watch = await openWatch(`${lab.url}${SE_PATH}?watch=true&resourceVersion=${from}`);
    const events = await watch.waitFor(2);
    expect(events.map((e) => e.type)).toEqual(["MODIFIED", "DELETED"]);
    expect(rvOf(events[0]?.object)).toBe(rvOf(modified.body));
    expect(events[1]).toMatchObject({ type: "DELETED", object: { metadata: { name: "seq", labels: { step: "2" } } } });
    expect(Number(rvOf(events[1]?.object))).toBeGreaterThan(Number(rvOf(modified.body)));
    // The other namespace's write is not part of this namespaced watch; the next event is a fresh one.
    await lab.call("POST", SE_PATH, seObject("after"));
    const [, , next] = await watch.waitFor(3);
    expect(next).toMatchObject({ type: "ADDED", object: { metadata: { name: "after" } } });
    watch.close();
  });

  it("P0-8 the all-namespaces watch path and the legacy /watch/ path", async () => {
    const start = lab.store.currentResourceVersion();
    const all = await openWatch(`${lab.url}/apis/networking.istio.io/v1/serviceentries?watch=true&resourceVersion=${start}`);
    const legacy = await openWatch(`${lab.url}/apis/networking.istio.io/v1/watch/namespaces/other/serviceentries?resourceVersion=${start}`);
    await lab.call("POST", SE_PATH, seObject("in-default"));
    await lab.call("POST", "/apis/networking.istio.io/v1/namespaces/other/serviceentries", seObject("in-other", "other"));
    expect((await all.waitFor(2)).map((e) => pick(e.object, "metadata.name"))).toEqual(["in-default", "in-other"]);
    expect((await legacy.waitFor(1)).map((e) => pick(e.object, "metadata.name"))).toEqual(["in-other"]);
    all.close();
    legacy.close();
  });

  it("P0-8 a relabel out of / into a label selector yields DELETED / ADDED", async () => {
    await lab.call("POST", SE_PATH, seObject("rel", "default", { labels: { team: "a" } }));
    const watch = await openWatch(`${lab.url}${SE_PATH}?watch=true&labelSelector=team%3Da&resourceVersion=${lab.store.currentResourceVersion()}`);
    const moved = await lab.call("PATCH", `${SE_PATH}/rel`, { metadata: { labels: { team: "b" } } });
    await lab.call("PATCH", `${SE_PATH}/rel`, { spec: { resolution: "DNS" } });
    await lab.call("PATCH", `${SE_PATH}/rel`, { metadata: { labels: { team: "a" } } });
    await lab.call("PATCH", `${SE_PATH}/rel`, { spec: { resolution: "STATIC" } });
    const events = await watch.waitFor(3);
    expect(events.map((e) => e.type)).toEqual(["DELETED", "ADDED", "MODIFIED"]);
    // The cacher's DELETED for an object leaving the selection carries the previous (matching) object at the
    // resourceVersion of the change that moved it out.
    expect(pick(events[0]?.object, "metadata.labels.team")).toBe("a");
    expect(rvOf(events[0]?.object)).toBe(rvOf(moved.body));
    watch.close();
  });

  it("P0-8 a resourceVersion older than the kept history → one in-band ERROR 410 Expired, then the stream closes", async () => {
    const old = lab.store.currentResourceVersion();
    for (let i = 0; i < 25; i++) await lab.call("PATCH", `${SE_PATH}/w-a`, { metadata: { labels: { n: String(i) } } });
    const watch = await openWatch(`${lab.url}${SE_PATH}?watch=true&resourceVersion=${old}`);
    expect(watch.status).toBe(200);
    await watch.ended;
    expect(watch.events).toHaveLength(1);
    expect(watch.events[0]).toMatchObject({ type: "ERROR", object: { kind: "Status", apiVersion: "v1", status: "Failure", reason: "Expired", code: 410 } });
    expect(String(pick(watch.events[0]?.object, "message"))).toMatch(new RegExp(`^too old resource version: ${old} \\(\\d+\\)$`));
  });

  it("P0-8 no BOOKMARK unless allowWatchBookmarks=true; with it, bookmarks carry the counter", async () => {
    const plain = await openWatch(`${lab.url}${SE_PATH}?watch=true&resourceVersion=${lab.store.currentResourceVersion()}`);
    const marked = await openWatch(`${lab.url}${SE_PATH}?watch=true&allowWatchBookmarks=true&resourceVersion=${lab.store.currentResourceVersion()}`);
    const [bookmark] = await marked.waitFor(1);
    expect(bookmark).toMatchObject({ type: "BOOKMARK", object: { kind: "ServiceEntry", apiVersion: "networking.istio.io/v1", metadata: { resourceVersion: lab.store.currentResourceVersion() } } });
    await lab.call("POST", SE_PATH, seObject("bm"));
    const [event] = await plain.waitFor(1);
    expect(event?.type).toBe("ADDED");
    expect(plain.events.some((e) => e.type === "BOOKMARK")).toBe(false);
    plain.close();
    marked.close();
  });

  it("P0-8 timeoutSeconds ends the stream", async () => {
    const started = Date.now();
    const watch = await openWatch(`${lab.url}${SE_PATH}?watch=true&timeoutSeconds=1&resourceVersion=${lab.store.currentResourceVersion()}`);
    await watch.ended;
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("P0-8 watching one object by name (fieldSelector metadata.name)", async () => {
    const watch = await openWatch(`${lab.url}${SE_PATH}?watch=true&fieldSelector=metadata.name%3Dw-b`);
    await watch.waitFor(1);
    await lab.call("PATCH", `${SE_PATH}/w-a`, { metadata: { labels: { ignored: "y" } } });
    await lab.call("PATCH", `${SE_PATH}/w-b`, { metadata: { labels: { seen: "y" } } });
    const events = await watch.waitFor(2);
    expect(events.map((e) => `${e.type}:${String(pick(e.object, "metadata.name"))}`)).toEqual(["ADDED:w-b", "MODIFIED:w-b"]);
    watch.close();
  });

  it("P0-8 a watch served at v1beta1 carries v1beta1 objects", async () => {
    const watch = await openWatch(`${lab.url}/apis/networking.istio.io/v1beta1/namespaces/default/serviceentries?watch=true&fieldSelector=metadata.name%3Dw-a`);
    const [event] = await watch.waitFor(1);
    expect(event?.object.apiVersion).toBe("networking.istio.io/v1beta1");
    watch.close();
  });

  it("P0-8 a resourceVersion the cluster has not reached → in-band ERROR 504 Timeout (Too large resource version), then close", async () => {
    const future = Number(lab.store.currentResourceVersion()) + 1000;
    const watch = await openWatch(`${lab.url}${SE_PATH}?watch=true&resourceVersion=${future}`);
    expect(watch.status).toBe(200);
    await watch.ended;
    expect(watch.events).toHaveLength(1);
    expect(watch.events[0]).toMatchObject({
      type: "ERROR",
      object: { kind: "Status", reason: "Timeout", code: 504, message: `Too large resource version: ${future}, current: ${lab.store.currentResourceVersion()}`, details: { causes: [{ reason: "ResourceVersionTooLarge" }], retryAfterSeconds: 1 } },
    });
  });

  it("P0-8 a watch from a version reached while waiting proceeds normally", async () => {
    const next = Number(lab.store.currentResourceVersion()) + 1;
    const watch = await openWatch(`${lab.url}${SE_PATH}?watch=true&resourceVersion=${next}`);
    await lab.call("POST", SE_PATH, seObject("reached"));
    await lab.call("POST", SE_PATH, seObject("after-reached"));
    const [event] = await watch.waitFor(1);
    expect(event).toMatchObject({ type: "ADDED", object: { metadata: { name: "after-reached" } } });
    watch.close();
  });
});
