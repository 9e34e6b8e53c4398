// The stamp against a real http.Server on loopback: whatever a client sends as PEER_HEADER or x-forwarded-for,
// the handler reads the socket's address; and a fetch Request built from the handler's headers (as Next builds
// the route's Request) carries it.
import { once } from "node:events";
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installPeerStamp, PEER_HEADER, peerAddress, stampPeer } from "./peer-stamp";

let server: Server;
let port: number;
const seen: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  installPeerStamp();
  installPeerStamp();
  server = createServer((req, res) => {
    seen.push(req.headers);
    const result = peerAddress(new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : []))));
    res.end(JSON.stringify(result));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

/** A raw request (node:http keeps repeated header lines as given). */
async function send(rawHeaders: string[], localAddress = "127.0.0.1"): Promise<unknown> {
  // With headers as a raw list, node:http adds no Host of its own (and the server answers 400 without one).
  const req = httpRequest({ host: "127.0.0.1", port, path: "/", localAddress, headers: ["Host", `127.0.0.1:${port}`, ...rawHeaders] });
  req.end();
  const [res] = (await once(req, "response")) as [NodeJS.ReadableStream];
  let body = "";
  for await (const chunk of res) body += String(chunk);
  return JSON.parse(body);
}

describe("the peer stamp on a real server", () => {
  it.each<[string, string[]]>([
    ["no header", []],
    ["a forged peer header", [PEER_HEADER, "10.0.0.7"]],
    ["a forged peer header in capitals", ["X-Eastwest-Peer", "10.0.0.7"]],
    ["two forged lines", [PEER_HEADER, "10.0.0.7", PEER_HEADER, "10.0.0.8"]],
    ["a forged x-forwarded-for", ["X-Forwarded-For", "10.0.0.7"]],
  ])("%s → the socket's address", async (_name, headers) => {
    expect(await send(headers)).toEqual({ ok: true, address: "127.0.0.1" });
  });

  it("reads another loopback source address as that address", async () => {
    expect(await send([PEER_HEADER, "127.0.0.1"], "127.0.0.2")).toEqual({ ok: true, address: "127.0.0.2" });
  });

  it("leaves the client's x-forwarded-for alone (it is just not believed)", async () => {
    await send(["X-Forwarded-For", "10.0.0.7"]);
    expect(seen.at(-1)?.["x-forwarded-for"]).toBe("10.0.0.7");
  });
});

describe("peerAddress", () => {
  it("fails closed when the stamp is not installed in this process, whatever the header says", () => {
    const result = peerAddress(new Headers({ [PEER_HEADER]: "10.0.0.7" }), false);
    expect(result.ok).toBe(false);
  });

  it("is unknown without a stamp", () => {
    expect(peerAddress(new Headers(), true)).toMatchObject({ ok: false, message: "The connection's address is unknown." });
  });
});

describe("stampPeer", () => {
  it("removes the client's copy even when the socket has no address any more", () => {
    const headers: IncomingHttpHeaders = { [PEER_HEADER]: "10.0.0.7" };
    stampPeer(headers, undefined);
    expect(headers).toEqual({});
  });
});
