// Issue 15, watch: a watcher that does not read is closed after a bounded buffer (the cacher's unresponsive-watcher
// termination) while a reading watcher of the same writes gets every event, and a burst of writes does not cut off
// a watcher that reads; a BOOKMARK 2 s before a timeout close
// when bookmarks are asked for (cacheWatcher.nextBookmarkTime); watch history and continue tokens expire by time
// (etcd compaction every 5 minutes), not after a count of writes.
import { request, type IncomingMessage } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { KubeObject, ResourceType } from "../apiserver/index";
import { openWatch, pick, startLab, type Lab } from "./harness";

let lab: Lab;
let cm: ResourceType;
beforeAll(async () => {
  // The store's defaults: no count cap, only time expires history.
  lab = await startLab();
  const type = lab.store.types.byKind("", "ConfigMap");
  if (!type) throw new Error("no ConfigMap type");
  cm = type;
});
afterAll(async () => {
  await lab.close();
});
afterEach(() => {
  vi.useRealTimers();
});

const CM_PATH = "/api/v1/namespaces/default/configmaps";

function configMap(name: string, data: Record<string, string> = {}): KubeObject {
  return { apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "default" }, data };
}

/** A watch whose client reads nothing until resumed (Node pauses the socket once the response buffer is full). */
function stalledWatch(url: string): Promise<{ res: IncomingMessage; readAll: (timeoutMs: number) => Promise<string> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, (res) => {
      res.pause();
      const readAll = (timeoutMs: number) =>
        new Promise<string>((ok, fail) => {
          let text = "";
          const timer = setTimeout(() => {
            req.destroy();
            fail(new Error(`the stalled watch was not ended by the server (read ${text.length} bytes)`));
          }, timeoutMs);
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => void (text += chunk));
          res.on("end", () => {
            clearTimeout(timer);
            ok(text);
          });
          res.resume();
        });
      resolve({ res, readAll });
    });
    req.on("error", reject);
    req.end();
  });
}

describe("issue 15 watch: slow watchers", () => {
  // Overfull and not drained for 0 ms is unresponsive at once: the test need not outwait the default second.
  let strict: Lab;
  beforeAll(async () => {
    strict = await startLab({ server: { watch: { unresponsiveMs: 0 } } });
  });
  afterAll(async () => {
    await strict.close();
  });

  it("a watcher that does not read is closed after a bounded buffer; a reading one gets every event", async () => {
    const big = "x".repeat(100 * 1024);
    strict.store.create(cm, configMap("big", { v: "0" }));
    const from = strict.store.currentResourceVersion();
    const url = `${strict.url}${CM_PATH}?watch=true&resourceVersion=${from}&timeoutSeconds=600`;
    const reading = await openWatch(url);
    const stalled = await stalledWatch(url);
    const updates = 300;
    for (let i = 1; i <= updates; i += 1) {
      const current = strict.store.get(cm, "default", "big");
      if (!current) throw new Error("big is gone");
      strict.store.update(cm, { ...current, data: { v: String(i), blob: big } });
      // One turn of the event loop per write: a client that reads keeps up.
      await new Promise((r) => setImmediate(r));
    }
    const all = await reading.waitFor(updates, 30_000);
    expect(all.map((e) => pick(e.object, "data.v"))).toEqual(Array.from({ length: updates }, (_, i) => String(i + 1)));
    // The stalled client, once it reads, finds the stream already ended well before its 600 s timeout, with only
    // the events that were on the wire or in the bounded buffer when the server gave up on it.
    const text = await stalled.readAll(20_000);
    const received = text.split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as { type: string; object: unknown });
    expect(received.length).toBeGreaterThan(0);
    expect(received.length).toBeLessThan(updates);
    expect(received.every((e) => e.type === "MODIFIED")).toBe(true);
    // What it did get is a gap-free prefix: the client resumes from the last resourceVersion it saw.
    expect(received.map((e) => pick(e.object, "data.v"))).toEqual(Array.from({ length: received.length }, (_, i) => String(i + 1)));
    expect(reading.events.length).toBe(updates);
    reading.close();
  });

  it("a burst of 500 writes in one step (a collection delete, a controller's sweep) does not cut off a watcher that reads", async () => {
    const from = lab.store.currentResourceVersion();
    const reading = await openWatch(`${lab.url}${CM_PATH}?watch=true&resourceVersion=${from}&labelSelector=burst%3Dyes`);
    for (let i = 0; i < 500; i += 1) lab.store.create(cm, { ...configMap(`burst-${i}`, { blob: "b".repeat(1024) }), metadata: { name: `burst-${i}`, namespace: "default", labels: { burst: "yes" } } });
    const events = await reading.waitFor(500, 20_000);
    expect(events.map((e) => pick(e.object, "metadata.name"))).toEqual(Array.from({ length: 500 }, (_, i) => `burst-${i}`));
    reading.close();
  });
});

describe("issue 15 watch: bookmarks before a timeout close", () => {
  it("allowWatchBookmarks: one BOOKMARK at the current resourceVersion about 2 s before timeoutSeconds ends the stream", async () => {
    const rv = lab.store.currentResourceVersion();
    const opened = Date.now();
    const [withBookmarks, without] = await Promise.all([
      openWatch(`${lab.url}${CM_PATH}?watch=true&allowWatchBookmarks=true&timeoutSeconds=3&resourceVersion=${rv}`),
      openWatch(`${lab.url}${CM_PATH}?watch=true&timeoutSeconds=3&resourceVersion=${rv}`),
    ]);
    const [bookmark] = await withBookmarks.waitFor(1, 5000);
    const bookmarkedAt = Date.now();
    await withBookmarks.ended;
    const endedAt = Date.now();
    expect(bookmark).toMatchObject({ type: "BOOKMARK", object: { kind: "ConfigMap", apiVersion: "v1", metadata: { resourceVersion: rv } } });
    expect(bookmarkedAt - opened).toBeGreaterThanOrEqual(500);
    expect(endedAt - bookmarkedAt).toBeGreaterThanOrEqual(1500);
    expect(withBookmarks.events).toHaveLength(1);
    await without.ended;
    expect(without.events).toEqual([]);
  });
});

describe("issue 15 watch history and continue tokens expire by time, as etcd compaction", () => {
  it("after 1,200 writes a resume and a continue token still work; 5 minutes later both are 410 Expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const paged = (name: string) => ({ ...configMap(name), metadata: { name, namespace: "default", labels: { paged: "yes" } } });
    lab.store.create(cm, paged("page-a"));
    lab.store.create(cm, paged("page-b"));
    const from = lab.store.currentResourceVersion();
    const PAGED = `${CM_PATH}?labelSelector=paged%3Dyes&limit=1`;
    const first = await lab.call("GET", PAGED);
    const token = String(pick(first.body, "metadata.continue"));
    for (let i = 0; i < 1200; i += 1) {
      const current = lab.store.get(cm, "default", "page-b");
      if (!current) throw new Error("page-b is gone");
      lab.store.update(cm, { ...current, data: { n: String(i) } });
    }
    const second = await lab.call("GET", `${PAGED}&continue=${encodeURIComponent(token)}`);
    expect(second.status).toBe(200);
    // The second page is the first page's snapshot: page-b as it was before the 1,200 updates.
    expect(pick(second.body, "items.0.metadata.name")).toBe("page-b");
    expect(pick(second.body, "items.0.data.n")).toBeUndefined();
    const resumed = await openWatch(`${lab.url}${CM_PATH}?watch=true&resourceVersion=${from}`);
    const replay = await resumed.waitFor(1200, 10_000);
    expect(replay.every((e) => e.type === "MODIFIED")).toBe(true);
    resumed.close();

    vi.setSystemTime(Date.now() + 5 * 60_000 + 1000);
    const late = await lab.call("GET", `${PAGED}&continue=${encodeURIComponent(token)}`);
    expect(late.status).toBe(410);
    expect(late.body).toMatchObject({ kind: "Status", status: "Failure", reason: "Expired", code: 410 });
    expect(String(late.body.message)).toMatch(/^The provided continue parameter is too old to display a consistent list result\./);
    expect(pick(late.body, "metadata.continue")).toEqual(expect.any(String));
    const expiredWatch = await openWatch(`${lab.url}${CM_PATH}?watch=true&resourceVersion=${from}`);
    const [error] = await expiredWatch.waitFor(1);
    expect(error).toMatchObject({ type: "ERROR", object: { kind: "Status", reason: "Expired", code: 410 } });
    expect(String(pick(error?.object, "message"))).toMatch(new RegExp(`^too old resource version: ${from} \\(\\d+\\)$`));
    await expiredWatch.ended;
  });
});
