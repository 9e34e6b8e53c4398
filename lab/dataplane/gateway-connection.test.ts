import { X509Certificate } from "node:crypto";
import { connect, createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { connect as tlsConnect } from "node:tls";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { gatewayContexts, handleGatewayConnection, isTrustedClient, type ConnectionDeps } from "./gateway-connection";
import { createLabCa } from "./lab-ca";
import type { LabCa } from "./types";

let ca: LabCa;
let other: LabCa;
let client: { certPem: string; keyPem: string };
const servers: Server[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  [ca, other] = await Promise.all([createLabCa(), createLabCa("other-root")]);
  client = await ca.issue("sleep", {});
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen(onConnection: (socket: Socket) => void): Promise<number> {
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.push(socket);
    onConnection(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** A gateway on an ephemeral port whose route is `route`. */
async function gateway(route: ConnectionDeps["route"], handshakeTimeoutMs?: number): Promise<number> {
  const { certPem, keyPem } = await ca.issue("gateway", {});
  const deps: ConnectionDeps = { ca: new X509Certificate(ca.caPem), contexts: gatewayContexts(certPem, keyPem, ca.caPem), route, handshakeTimeoutMs };
  return listen((socket) => handleGatewayConnection(socket, deps));
}

const upstreamTo = (port: number) => (): Promise<Socket> =>
  new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port }, () => resolve(socket));
  });

/** What the client read before the connection ended, and how it ended. */
function exchange(port: number, request = "ping"): Promise<{ data: string; end: string }> {
  return new Promise((resolve) => {
    const socket = tlsConnect({ host: "127.0.0.1", port, servername: "outbound_.9080_._.details.bookinfo.svc.cluster.local", ca: ca.caPem, cert: client.certPem, key: client.keyPem, checkServerIdentity: () => undefined });
    let data = "";
    socket.on("secureConnect", () => socket.write(request));
    socket.on("data", (chunk: Buffer) => (data += chunk.toString()));
    socket.on("error", (error: NodeJS.ErrnoException) => resolve({ data, end: error.code ?? error.message }));
    socket.on("end", () => resolve({ data, end: "end" }));
  });
}

/** Like exchange, offering `session` and reporting the session the server gave and whether it was resumed. */
function exchangeWithSession(port: number, session?: Buffer): Promise<{ data: string; reused: boolean; session?: Buffer; error?: string }> {
  return new Promise((resolve) => {
    const socket = tlsConnect({ host: "127.0.0.1", port, servername: "outbound_.9080_._.details.bookinfo.svc.cluster.local", ca: ca.caPem, cert: client.certPem, key: client.keyPem, session, checkServerIdentity: () => undefined });
    let data = "";
    let issued: Buffer | undefined;
    socket.on("session", (s: Buffer) => (issued = s));
    socket.on("secureConnect", () => socket.write("ping"));
    socket.on("data", (chunk: Buffer) => (data += chunk.toString()));
    socket.on("error", (error: NodeJS.ErrnoException) => resolve({ data, reused: false, error: error.code ?? error.message }));
    socket.on("end", () => resolve({ data, reused: socket.isSessionReused(), session: issued }));
  });
}

describe("isTrustedClient", () => {
  it("accepts only certificates the CA issued", async () => {
    const caCert = new X509Certificate(ca.caPem);
    expect(isTrustedClient(new X509Certificate(client.certPem), caCert)).toBe(true);
    expect(isTrustedClient(new X509Certificate((await other.issue("sleep", {})).certPem), caCert)).toBe(false);
    expect(isTrustedClient(undefined, caCert)).toBe(false);
    const later = new Date(Date.now() + 2 * 365 * 24 * 3600 * 1000);
    expect(isTrustedClient(new X509Certificate(client.certPem), caCert, later)).toBe(false);
  });
});

describe("handleGatewayConnection", () => {
  it("pipes both ways once the client is verified", async () => {
    const echo = await listen((socket) => socket.on("data", (chunk: Buffer) => socket.end(`pong:${chunk.toString()}`)));
    const port = await gateway(upstreamTo(echo));
    expect(await exchange(port)).toEqual({ data: "pong:ping", end: "end" });
  });

  it("resumes a TLS session a client offers (as a sidecar's connection pool does)", async () => {
    const echo = await listen((socket) => socket.on("data", (chunk: Buffer) => socket.end(`pong:${chunk.toString()}`)));
    const port = await gateway(upstreamTo(echo));
    const first = await exchangeWithSession(port);
    expect(first.data).toBe("pong:ping");
    expect(first.session).toBeDefined();
    const second = await exchangeWithSession(port, first.session);
    expect(second).toMatchObject({ data: "pong:ping", reused: true });
  });

  it("resumes a session only at the gateway that made it", async () => {
    const echo = await listen((socket) => socket.on("data", (chunk: Buffer) => socket.end(`pong:${chunk.toString()}`)));
    const [a, b] = [await gateway(upstreamTo(echo)), await gateway(upstreamTo(echo))];
    const first = await exchangeWithSession(a);
    expect(await exchangeWithSession(b, first.session)).toMatchObject({ data: "pong:ping", reused: false });
    expect(await exchangeWithSession(a, first.session)).toMatchObject({ data: "pong:ping", reused: true });
  });

  it("routes a resumed session on its SNI too: a resumed session for a host with no route is reset", async () => {
    const echo = await listen((socket) => socket.on("data", (chunk: Buffer) => socket.end(`pong:${chunk.toString()}`)));
    let admitted = true;
    const port = await gateway(() => (admitted ? upstreamTo(echo)() : Promise.resolve(undefined)));
    const first = await exchangeWithSession(port);
    expect(first).toMatchObject({ data: "pong:ping", session: expect.any(Buffer) });
    admitted = false;
    const second = await exchangeWithSession(port, first.session);
    expect(second).toMatchObject({ data: "", error: "ECONNRESET" });
  });

  it.each<[string, ConnectionDeps["route"]]>([
    ["no route", () => Promise.resolve(undefined)],
    ["a failing route", () => Promise.reject(new Error("boom"))],
  ])("resets the connection on %s", async (_, route) => {
    const port = await gateway(route);
    expect(await exchange(port)).toEqual({ data: "", end: "ECONNRESET" });
  });

  it("resets the client when the upstream resets", async () => {
    // The upstream answers part of a response at once, then resets when the request comes (after the handshake).
    const flaky = await listen((socket) => {
      socket.write("partial");
      socket.once("data", () => socket.resetAndDestroy());
    });
    const port = await gateway(upstreamTo(flaky));
    expect(await exchange(port)).toEqual({ data: "partial", end: "ECONNRESET" });
  });

  it("resets a connection that sends no ClientHello in time (Envoy's listener_filters_timeout)", async () => {
    const port = await gateway(() => Promise.resolve(undefined), 50);
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect({ host: "127.0.0.1", port });
      socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      socket.on("end", () => resolve("end"));
    });
    expect(outcome).toBe("ECONNRESET");
  });
});
