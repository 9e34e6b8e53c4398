import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { KubeConfig } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toClusterError } from "./cluster-error";
import { watchOnce, type WatchEvent } from "./kube-watch";

/** A stand-in API server: the request path picks the behaviour. */
let server: Server;
let kc: KubeConfig;
const hung: ServerResponse[] = [];

const line = (o: unknown) => `${JSON.stringify(o)}\n`;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/hang") return void hung.push(res);
    if (path === "/denied") {
      res.writeHead(403, { "Content-Type": "application/json" });
      return res.end(JSON.stringify({ kind: "Status", code: 403, reason: "Forbidden" }));
    }
    res.writeHead(200, { "Content-Type": "application/json" });
    if (path === "/events") {
      // Split mid-line on purpose: the client must reassemble lines across chunks.
      const text = line({ type: "ADDED", object: { metadata: { name: "a", resourceVersion: "5" } } }) + line({ type: "BOOKMARK", object: { metadata: { resourceVersion: "7" } } });
      res.write(text.slice(0, 20));
      setImmediate(() => res.end(text.slice(20)));
    } else if (path === "/expired") {
      res.end(line({ type: "ERROR", object: { kind: "Status", code: 410, reason: "Expired" } }));
    } else {
      res.end("not json\n");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: "c", server: `http://127.0.0.1:${port}`, skipTLSVerify: true }],
    users: [{ name: "u", token: "t" }],
    contexts: [{ name: "c", cluster: "c", user: "u" }],
    currentContext: "c",
  });
});
afterAll(async () => {
  for (const res of hung) res.socket?.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function watch(path: string): Promise<{ events: WatchEvent[]; opened: boolean; error?: unknown }> {
  const events: WatchEvent[] = [];
  let opened = false;
  const timings = { connectTimeoutMs: 300, timeoutSeconds: 5 };
  try {
    await watchOnce(kc, path, "1", new AbortController().signal, timings, { onOpen: () => (opened = true), onEvent: (e) => events.push(e) });
    return { events, opened };
  } catch (error) {
    return { events, opened, error };
  }
}

describe("watchOnce", () => {
  it("delivers events in order, reassembling lines split across chunks", async () => {
    const { events, opened, error } = await watch("/events");
    expect(error).toBeUndefined();
    expect(opened).toBe(true);
    expect(events.map((e) => e.type)).toEqual(["ADDED", "BOOKMARK"]);
  });

  it.each([
    ["an in-band 410", "/expired", undefined, [{ type: "ERROR", code: 410, reason: "Expired" }]],
    ["a server that never answers times out", "/hang", "timeout", []],
    ["a 403 is an error with the status", "/denied", "forbidden", []],
    // client-node's Watch skips lines that are not JSON; the stream then ends normally.
    ["a line that is not JSON is skipped", "/garbage", undefined, []],
  ] as const)("%s", async (_name, path, reason, expected) => {
    const { events, error } = await watch(path);
    expect(events).toEqual(expected);
    if (reason) expect(toClusterError("c", error).reason).toBe(reason);
    else expect(error).toBeUndefined();
  });
});
