// `npm run bench:auth [-- --calls 2000]`: what authentication adds to each request, per mode.
// (1) In process: resolveActor alone (mode proxy: peer check + header parsing + role mapping; mode oidc: the
//     session cookie answered from memory after its first unseal, expiry and revocation checks, role mapping), and
//     the first unseal of a cookie (iron: PBKDF2 key derivations + HMAC + AES through WebCrypto).
// (2) Over HTTP on loopback: auth.me through the real tRPC handler and role gate, on a node:http server with the
//     peer stamp installed (as instrumentation.ts does), in rounds that alternate the modes so drift hits all alike;
//     "added" is a mode's percentile minus mode none's. auth.me reads only ctx.actor, so the difference is auth.
// Impersonation adds two kinds of header lines to each cluster request (Impersonate-User, one Impersonate-Group per
// group) built from ctx.actor: no extra round trip from the console; the cluster's own authorization of the
// impersonated person is the cluster's time, not measured here.
import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { installPeerStamp } from "@/server/auth/peer-stamp";
import { resolveActor } from "@/server/auth/resolve-actor";
import { newSessionId, sealSession, sessionCookieName, unsealSession } from "@/server/auth/session-cookie";
import { parseAuthSettings, type AuthSettings } from "@/server/auth/settings";
import { createFleetFeed } from "@/server/fleet/feed";
import type { FleetService } from "@/server/fleet/service";
import { createStreamSlots } from "@/server/http/stream-slots";
import { createTrpcHandler } from "@/server/http/trpc-handler";
import { appRouter } from "@/server/routers/app-router";
import { percentile, printTable, type Row } from "./figures";
import { httpRequest } from "./http";

const { values } = parseArgs({ options: { calls: { type: "string", default: "2000" } } });
const CALLS = Math.max(100, Number(values.calls) || 2000);
const SECRET = "bench-session-secret-0123456789abcdefghijklmnop";
const ROLES = JSON.stringify({ groups: { ops: ["platform-owner"], devs: ["app-owner"] }, workspaces: { "tetrate/bookinfo": { groups: { devs: ["platform-owner"] } } } });
// A person with a realistic handful of groups.
const GROUPS = ["ops", "devs", "eastwest:viewers", "team-a", "team-b", "oncall", "employees", "vpn-users"];

function settings(env: Record<string, string>): AuthSettings {
  const parsed = parseAuthSettings({ ...env, EASTWEST_ROLES: ROLES }, () => "");
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.settings;
}

const MODES = {
  none: settings({}),
  proxy: settings({ EASTWEST_AUTH_MODE: "proxy", EASTWEST_PROXY_TRUSTED: "10.0.0.0/8, 127.0.0.1/32" }),
  oidc: settings({
    EASTWEST_AUTH_MODE: "oidc",
    EASTWEST_OIDC_ISSUER: "http://127.0.0.1:1",
    EASTWEST_OIDC_CLIENT_ID: "bench",
    EASTWEST_OIDC_REDIRECT_URI: "http://127.0.0.1:3000/auth/callback",
    EASTWEST_SESSION_SECRET: SECRET,
  }),
} as const;
type Mode = keyof typeof MODES;

/** auth.me reads nothing of the fleet; the handler still needs one in its context. */
const fleet = { feed: createFleetFeed({ epoch: "bench" }) } as unknown as FleetService;
const slots = createStreamSlots({ perClient: 8, total: 64 });

/** As app/api/trpc/[trpc]/route.ts: the actor first, then tRPC (401 from createContext when there is none). */
async function serve(mode: Mode, request: Request): Promise<Response> {
  const resolved = await resolveActor(request.headers, MODES[mode]);
  const handler = createTrpcHandler({
    router: appRouter,
    slots,
    createContext: () => {
      if (!resolved.ok) throw new Error(resolved.message);
      return resolved.actor ? { fleet, actor: resolved.actor } : { fleet };
    },
  });
  return handler(request);
}

function toRequest(req: IncomingMessage, port: number): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  return new Request(`http://127.0.0.1:${port}${req.url ?? "/"}`, { method: req.method ?? "GET", headers });
}

async function main(): Promise<void> {
  installPeerStamp();
  const server = createServer((req, res) => {
    const mode = (req.headers["x-bench-mode"] ?? "none") as Mode;
    void serve(mode, toRequest(req, port)).then(async (answer) => {
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as AddressInfo).port;

  const cookie = `${sessionCookieName(false)}=${await sealSession({ v: 1, sid: newSessionId(), user: "alice", groups: GROUPS, expiresAt: Date.now() + 3_600_000 }, SECRET, 3600)}`;
  const headers: Record<Mode, Record<string, string>> = {
    none: { "x-bench-mode": "none" },
    proxy: { "x-bench-mode": "proxy", "x-forwarded-user": "alice", "x-forwarded-groups": GROUPS.join(",") },
    oidc: { "x-bench-mode": "oidc", cookie },
  };
  const url = `http://127.0.0.1:${port}/api/trpc/auth.me`;

  // (1) in process
  const inProcess: Record<Mode, number[]> = { none: [], proxy: [], oidc: [] };
  for (const mode of Object.keys(MODES) as Mode[]) {
    const h = new Headers({ ...headers[mode], "x-eastwest-peer": "127.0.0.1" });
    for (let i = 0; i < CALLS + 200; i++) {
      const started = performance.now();
      const result = await resolveActor(h, MODES[mode]);
      const took = performance.now() - started;
      if (!result.ok) throw new Error(`${mode}: ${result.message}`);
      if (i >= 200) inProcess[mode].push(took);
    }
  }

  // (1b) a cookie's first request: the full unseal (later requests of the same cookie are answered from memory).
  const cold: number[] = [];
  for (let i = 0; i < Math.ceil(CALLS / 4); i++) {
    const seal = await sealSession({ v: 1, sid: newSessionId(), user: "alice", groups: GROUPS, expiresAt: Date.now() + 3_600_000 }, SECRET, 3600);
    const started = performance.now();
    const opened = await unsealSession(seal, SECRET, 3600);
    cold.push(performance.now() - started);
    if (!opened.ok) throw new Error(`unseal: ${opened.reason}`);
  }

  // (2) over HTTP, modes alternating call by call
  const http: Record<Mode, number[]> = { none: [], proxy: [], oidc: [] };
  for (let i = 0; i < CALLS + 200; i++) {
    for (const mode of Object.keys(MODES) as Mode[]) {
      const started = performance.now();
      const answer = await httpRequest(url, { headers: headers[mode] });
      const took = performance.now() - started;
      if (answer.status !== 200) throw new Error(`${mode}: ${answer.status} ${answer.text.slice(0, 200)}`);
      if (i >= 200) http[mode].push(took);
    }
  }
  server.closeAllConnections();
  server.close();

  const us = (n: number) => `${(n * 1000).toFixed(0)} µs`;
  const rows: Row[] = [];
  for (const mode of ["proxy", "oidc"] as const) {
    rows.push({ figure: `${mode}: added per request (resolveActor) p50 / p95`, value: `${us(percentile(inProcess[mode], 50))} / ${us(percentile(inProcess[mode], 95))}` });
  }
  rows.push({ figure: "oidc: a cookie's first unseal p50 / p95", value: `${us(percentile(cold, 50))} / ${us(percentile(cold, 95))}`, note: "once per cookie per process" });
  for (const mode of Object.keys(MODES) as Mode[]) {
    rows.push({ figure: `${mode}: auth.me over HTTP p50 / p95`, value: `${us(percentile(http[mode], 50))} / ${us(percentile(http[mode], 95))}` });
  }
  for (const mode of ["proxy", "oidc"] as const) {
    const added = (p: number) => us(percentile(http[mode], p) - percentile(http.none, p));
    // A difference of two noisy percentiles: negative means below what this machine's noise lets HTTP resolve; the
    // in-process rows above are the cost itself.
    rows.push({ figure: `${mode}: added over HTTP p50 / p95`, value: `${added(50)} / ${added(95)}`, note: "vs mode none (negative: below the noise)" });
  }
  printTable(`Auth latency (${CALLS} calls per mode, ${GROUPS.length} groups, Node ${process.version})`, rows);
}

await main();
