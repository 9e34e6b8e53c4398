// The tRPC route as Next serves it, in modes proxy and oidc: an unknown person gets 401 in tRPC's error shape for
// every call, before any procedure runs (the runtime is never even asked for); a known one reaches auth.me as
// themselves. The environment is the console's own (process.env), parsed as at start-up.
import { once } from "node:events";
import { createServer, request as httpRequest, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import superjson from "superjson";
import { afterEach, describe, expect, it, vi } from "vitest";
import { installPeerStamp, PEER_HEADER } from "@/server/auth/peer-stamp";
import { sealSession } from "@/server/auth/session-cookie";
import { TEST_ROLES, TEST_SESSION_SECRET } from "@/server/auth/test/settings-fixture";
import { errorOf, fakeFleet } from "@/server/http/test/handler-fixture";

const getRuntime = vi.fn(() => ({ fleet: fakeFleet(), registry: undefined, model: undefined, drills: undefined, audit: undefined }));
vi.mock("@/server/runtime", () => ({ getRuntime }));

installPeerStamp();
const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  getRuntime.mockClear();
});

async function routeWith(env: Record<string, string>) {
  process.env = { ...saved, ...env, EASTWEST_ROLES: JSON.stringify(TEST_ROLES) };
  vi.resetModules();
  return import("./route");
}

const me = (headers: Record<string, string>) => new Request("http://127.0.0.1:3105/api/trpc/auth.me", { headers });
const batchedMutations = (headers: Record<string, string>) =>
  new Request("http://127.0.0.1:3105/api/trpc/drills.start,workspace.gatewayApply?batch=1", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ 0: superjson.serialize({}), 1: superjson.serialize({}) }),
  });
const meOf = async (res: Response) => superjson.deserialize<{ user: string; roles: string[]; mode: string }>(((await res.json()) as { result: { data: never } }).result.data);

describe("mode proxy", () => {
  const env = { EASTWEST_AUTH_MODE: "proxy", EASTWEST_PROXY_TRUSTED: "127.0.0.2/32" };

  it("answers 401 to identity headers from an untrusted peer, naming why, and runs nothing", async () => {
    const { GET } = await routeWith(env);
    const { status, error } = await errorOf(await GET(me({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-user": "alice", "x-forwarded-groups": "ops", "x-forwarded-for": "127.0.0.2" })));
    expect(status).toBe(401);
    expect(error.data.code).toBe("UNAUTHORIZED");
    expect(error.message).toMatch(/did not come through the authenticating proxy/);
    expect(getRuntime).not.toHaveBeenCalled();
  });

  it("answers 401 to every call of a batch of mutations", async () => {
    const { POST } = await routeWith(env);
    const res = await POST(batchedMutations({ [PEER_HEADER]: "10.9.9.9", "x-forwarded-user": "alice", "x-forwarded-groups": "ops" }));
    expect(res.status).toBe(401);
    const body = (await res.json()) as Array<{ error: { json: { data: { code: string } } } }>;
    expect(body.map((entry) => entry.error.json.data.code)).toEqual(["UNAUTHORIZED", "UNAUTHORIZED"]);
    expect(getRuntime).not.toHaveBeenCalled();
  });

  it("serves the trusted proxy's person", async () => {
    const { GET } = await routeWith(env);
    const res = await GET(me({ [PEER_HEADER]: "127.0.0.2", "x-forwarded-user": "alice", "x-forwarded-groups": "ops" }));
    expect(res.status).toBe(200);
    expect(await meOf(res)).toMatchObject({ mode: "proxy", user: "alice", roles: ["viewer", "platform-owner"] });
  });
});

describe("mode proxy over a real socket (the peer stamp feeding the route, as under next start)", () => {
  /** A node:http server that hands the route a fetch Request built from the IncomingMessage's headers, as Next does. */
  async function serveRoute(GET: (req: Request) => Promise<Response>) {
    const server = createServer((req, res) => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      void GET(new Request(`http://127.0.0.1${req.url ?? "/"}`, { headers })).then(async (answer) => {
        res.writeHead(answer.status, { "content-type": "application/json" });
        res.end(await answer.text());
      });
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    return server;
  }

  async function call(port: number, localAddress: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
    const req = httpRequest({ host: "127.0.0.1", port, path: "/api/trpc/auth.me", localAddress, headers });
    req.end();
    const [res] = (await once(req, "response")) as [IncomingMessage];
    let text = "";
    for await (const chunk of res) text += String(chunk);
    return { status: res.statusCode ?? 0, text };
  }

  it("refuses a client that forges the stamp and x-forwarded-for; serves the same headers from the proxy's address", async () => {
    const { GET } = await routeWith({ EASTWEST_AUTH_MODE: "proxy", EASTWEST_PROXY_TRUSTED: "127.0.0.2/32" });
    const server = await serveRoute(GET);
    const port = (server.address() as AddressInfo).port;
    const identity = { "x-forwarded-user": "alice", "x-forwarded-groups": "ops" };
    try {
      const forged = await call(port, "127.0.0.1", { ...identity, [PEER_HEADER]: "127.0.0.2", "x-forwarded-for": "127.0.0.2" });
      expect(forged.status).toBe(401);
      expect(forged.text).toContain("it came from 127.0.0.1");
      const proxied = await call(port, "127.0.0.2", identity);
      expect(proxied.status).toBe(200);
      expect(proxied.text).toContain("alice");
    } finally {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  });
});

describe("mode oidc", () => {
  const env = {
    EASTWEST_AUTH_MODE: "oidc",
    EASTWEST_OIDC_ISSUER: "http://127.0.0.1:1",
    EASTWEST_OIDC_CLIENT_ID: "eastwest-test",
    EASTWEST_OIDC_REDIRECT_URI: "http://127.0.0.1:3104/auth/callback",
    EASTWEST_SESSION_SECRET: TEST_SESSION_SECRET,
  };
  const cookie = async (expiresAt: number, secret = TEST_SESSION_SECRET) => `eastwest-session=${await sealSession({ v: 1, sid: "test-session-id-0001", user: "victor", groups: [], expiresAt }, secret, 3600)}`;

  it.each<[string, () => Promise<Record<string, string>>]>([
    ["no cookie", async () => ({})],
    ["an expired cookie", async () => ({ cookie: await cookie(Date.now() - 1000) })],
    ["a cookie sealed with another secret", async () => ({ cookie: await cookie(Date.now() + 60_000, "not-the-console-secret-but-long-enough-123") })],
  ])("answers 401 to mutations with %s, and runs nothing", async (_name, headers) => {
    const { POST } = await routeWith(env);
    const res = await POST(batchedMutations(await headers()));
    expect(res.status).toBe(401);
    expect(getRuntime).not.toHaveBeenCalled();
  });

  it("ends a live-update stream when its session expires", async () => {
    const { GET } = await routeWith(env);
    const expiresAt = Date.now() + 1_500;
    const res = await GET(
      new Request("http://127.0.0.1:3104/api/trpc/fleet.onChange?input=" + encodeURIComponent(JSON.stringify(superjson.serialize({}))), {
        headers: { accept: "text/event-stream", cookie: await cookie(expiresAt) },
      }),
    );
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const reader = res.body?.getReader();
    if (!reader) throw new Error("no stream");
    // Read until the server ends the stream, with a deadline well past the expiry (pings come every 15 s, so an
    // open stream would not end by itself within it).
    const deadline = Date.now() + 8_000;
    let ended = false;
    while (!ended && Date.now() < deadline) ended = (await Promise.race([reader.read(), new Promise<{ done: false }>((done) => setTimeout(() => done({ done: false }), 250))])).done;
    expect(ended).toBe(true);
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
    await reader.cancel();
  });

  it("serves the session's person", async () => {
    const { GET } = await routeWith(env);
    const res = await GET(me({ cookie: await cookie(Date.now() + 60_000) }));
    expect(await meOf(res)).toMatchObject({ mode: "oidc", user: "victor", roles: ["viewer"] });
  });
});
