// Issue 15, load: many concurrent full lists must not take the lab to gigabytes. The list is streamed as the client
// reads (list-stream.ts), so 100 clients that have the headers of a 5 MiB list but read nothing yet cost the server
// a few socket buffers each, not 100 encoded copies (before: ~500 MiB here; 200 lists of 10 MiB took the lab to
// 3.5 GiB, scripts/bench/lab-memory.ts). Once they read, each gets the whole, consistent list.
import { request, type IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLab, type Lab } from "./harness";

let lab: Lab;
const OBJECTS = 500;
beforeAll(async () => {
  lab = await startLab();
  const cm = lab.store.types.byKind("", "ConfigMap");
  if (!cm) throw new Error("no ConfigMap type");
  for (let i = 0; i < OBJECTS; i += 1) {
    lab.store.create(cm, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: `load-${String(i).padStart(4, "0")}`, namespace: "default" }, data: { blob: "z".repeat(10 * 1024) } });
  }
});
afterAll(async () => {
  await lab.close();
});

/** A full list whose client has the response headers but reads nothing until told. */
function pausedList(url: string): Promise<{ res: IncomingMessage; readAll: () => Promise<string> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, (res) => {
      res.pause();
      const readAll = () =>
        new Promise<string>((ok, fail) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => ok(Buffer.concat(chunks).toString("utf8")));
          res.on("error", fail);
          res.resume();
        });
      resolve({ res, readAll });
    });
    req.on("error", reject);
    req.end();
  });
}

describe("issue 15 concurrent full lists", () => {
  it("100 concurrent 5 MiB lists that are not read yet do not grow the lab by their size; each then reads whole", async () => {
    const url = `${lab.url}/api/v1/namespaces/default/configmaps`;
    const before = process.memoryUsage().rss;
    const lists = await Promise.all(Array.from({ length: 100 }, () => pausedList(url)));
    // Every handler has run as far as the socket lets it: give the event loop a few turns to write what it can.
    for (let i = 0; i < 20; i += 1) await new Promise((r) => setImmediate(r));
    const grown = process.memoryUsage().rss - before;
    expect(lists.every((l) => l.res.statusCode === 200 && l.res.headers["content-type"] === "application/json")).toBe(true);
    // 100 encoded copies would be ≥ 500 MiB; streaming keeps it to socket buffers and one batch per client.
    expect(grown).toBeLessThan(150 * 1024 * 1024);
    const bodies = await Promise.all(lists.map((l) => l.readAll()));
    const parsed = bodies.map((b) => JSON.parse(b) as { kind: string; apiVersion: string; metadata: { resourceVersion: string }; items: Array<{ metadata: { name: string } }> });
    for (const list of parsed) {
      expect(list.kind).toBe("ConfigMapList");
      expect(list.apiVersion).toBe("v1");
      expect(list.items).toHaveLength(OBJECTS);
      expect(list.items[OBJECTS - 1]?.metadata.name).toBe(`load-${String(OBJECTS - 1).padStart(4, "0")}`);
    }
    expect(new Set(parsed.map((l) => l.metadata.resourceVersion)).size).toBe(1);
  });

  it("a streamed list is byte-for-byte the JSON of {kind, apiVersion, metadata, items}", async () => {
    const reply = await lab.call("GET", "/api/v1/namespaces/default/configmaps?limit=2");
    expect(Object.keys(reply.body)).toEqual(["kind", "apiVersion", "metadata", "items"]);
    expect(reply.text).toBe(JSON.stringify(reply.body));
    expect(reply.body.metadata).toMatchObject({ continue: expect.any(String), remainingItemCount: OBJECTS - 2 });
  });
});
