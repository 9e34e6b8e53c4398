// Requests of one cluster share a kept-alive connection (client-node alone opens one per request), requests
// with other TLS material or another cluster do not, and a proxy's agent is left alone.
import { createServer, type Server } from "node:http";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { KubeConfig } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keepAliveAgent } from "./kube-agent";
import { kubeRequest } from "./kube-http";

let server: Server;
let connections = 0;
let port = 0;

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ kind: "Status", status: "Success" }));
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function kubeconfig(): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: "c", server: `http://127.0.0.1:${port}`, skipTLSVerify: true }],
    users: [{ name: "u", token: "t" }],
    contexts: [{ name: "c", cluster: "c", user: "u" }],
    currentContext: "c",
  });
  return kc;
}

describe("keep-alive agents", () => {
  it("sends a cluster's requests, one after another, over one connection", async () => {
    const kc = kubeconfig();
    const before = connections;
    for (let i = 0; i < 5; i++) await kubeRequest(kc, { method: "GET", path: "/api" }, new AbortController().signal);
    expect(connections - before).toBe(1);
  });

  it("gives another cluster (another kubeconfig) connections of its own", async () => {
    const before = connections;
    await kubeRequest(kubeconfig(), { method: "GET", path: "/api" }, new AbortController().signal);
    await kubeRequest(kubeconfig(), { method: "GET", path: "/api" }, new AbortController().signal);
    expect(connections - before).toBe(2);
  });

  it.each([
    ["the same CA, as a new Buffer each time", { ca: Buffer.from("ca-1") }, { ca: Buffer.from("ca-1") }, true],
    ["another client certificate", { cert: "cert-1", key: "k" }, { cert: "cert-2", key: "k" }, false],
    ["verification turned off", { rejectUnauthorized: true }, { rejectUnauthorized: false }, false],
    ["another TLS server name", { servername: "a" }, { servername: "b" }, false],
  ])("with %s, reuses the agent: %s", (_name, first, second, reused) => {
    const kc = kubeconfig();
    const a = keepAliveAgent(kc, new https.Agent(first));
    const b = keepAliveAgent(kc, new https.Agent(second));
    expect(a).toBeInstanceOf(https.Agent);
    expect((a as https.Agent & { keepAlive?: boolean }).keepAlive).toBe(true);
    expect(a === b).toBe(reused);
  });

  it("makes one TLS context for all of an agent's connections; material Node cannot parse gets none", () => {
    const contextOf = (agent: unknown) => (agent as https.Agent & { options: https.AgentOptions }).options.secureContext;
    expect(contextOf(keepAliveAgent(kubeconfig(), new https.Agent({ rejectUnauthorized: true })))).toBeDefined();
    expect(contextOf(keepAliveAgent(kubeconfig(), new https.Agent({ cert: "not PEM", key: "not PEM" })))).toBeUndefined();
  });

  it("returns a proxy's agent as it is", () => {
    class ProxyAgent extends http.Agent {}
    const proxy = new ProxyAgent();
    expect(keepAliveAgent(kubeconfig(), proxy)).toBe(proxy);
  });
});
