// The client against a real HTTP server on loopback: answers, refusals, non-Prometheus answers, a hung server
// (the deadline), an oversized answer (the cap), and credentials in the URL (sent as basic auth, never in the URL).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpointOf, queryVector } from "./prometheus-client";

const VECTOR = { status: "success", data: { resultType: "vector", result: [{ metric: { destination_cluster: "east" }, value: [1, "1.5"] }] } };

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes: Record<string, Handler> = {
  "/ok": (_req, res) => res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(VECTOR)),
  "/refused": (_req, res) => res.writeHead(400).end(JSON.stringify({ status: "error", errorType: "bad_data", error: "parse error at char 3" })),
  "/html": (_req, res) => res.writeHead(200).end("<html>login</html>"),
  "/other-json": (_req, res) => res.writeHead(200).end(JSON.stringify({ hello: "world" })),
  "/hang": () => undefined,
  // Chunked, no Content-Length: the cap must hold while streaming.
  "/huge": (_req, res) => {
    res.writeHead(200);
    res.write(`{"status":"success","data":{"resultType":"vector","result":[`);
    res.end(`${"x".repeat(2048)}]}}`);
  },
  "/auth": (req, res) => (req.headers.authorization === `Basic ${Buffer.from("ops:s3cret").toString("base64")}` ? routes["/ok"]?.(req, res) : res.writeHead(401).end("{}")),
};

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const prefix = `/${(req.url ?? "").split("/")[1] ?? ""}`;
    (routes[prefix] ?? ((_q, r) => r.writeHead(404).end()))(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

// A generous deadline (a loaded CI machine), except for the server that never answers.
const OPTIONS = { timeoutMs: 10_000, maxBytes: 1024 };
const HANG_OPTIONS = { ...OPTIONS, timeoutMs: 300 };

describe("queryVector", () => {
  it("returns the vector's samples as numbers", async () => {
    const result = await queryVector(`${base}/ok`, "up", OPTIONS);
    expect(result).toMatchObject({ ok: true, samples: [{ metric: { destination_cluster: "east" }, value: 1.5 }] });
  });

  it.each([
    ["refused", /refused the query: parse error at char 3/],
    ["html", /HTTP 200 with something that is not JSON/],
    ["other-json", /not a Prometheus query result/],
    ["hang", /no answer in time/],
    ["huge", /over the 1024-byte limit/],
  ])("%s: says why, without throwing", async (path, message) => {
    const result = await queryVector(`${base}/${path}`, "up", path === "hang" ? HANG_OPTIONS : OPTIONS);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toMatch(message);
  });

  it("a port nobody listens on", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await queryVector(`http://127.0.0.1:${port}`, "up", OPTIONS);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/fetch failed.*ECONNREFUSED/) });
  });

  it("credentials in the URL go as basic auth", async () => {
    const url = new URL(`${base}/auth`);
    url.username = "ops";
    url.password = "s3cret";
    expect(await queryVector(url.toString(), "up", OPTIONS)).toMatchObject({ ok: true });
  });
});

describe("endpointOf", () => {
  it.each([
    ["http://prom:9090", "http://prom:9090/api/v1/query", undefined],
    ["http://prom:9090/prometheus/", "http://prom:9090/prometheus/api/v1/query", undefined],
    ["https://a%40b:p%3Aw@prom", "https://prom/api/v1/query", `Basic ${Buffer.from("a@b:p:w").toString("base64")}`],
  ])("%s", (base, url, auth) => {
    const endpoint = endpointOf(base);
    expect(endpoint.url.toString()).toBe(url);
    expect(endpoint.headers.Authorization).toBe(auth);
  });
});
