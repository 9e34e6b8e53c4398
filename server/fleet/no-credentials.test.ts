import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/server/env";
import { appRouter } from "@/server/routers/app-router";
import { startFakeApiServer, type FakeApiServer } from "@/server/testing/fake-apiserver";
import { CANARY_KEY_DATA, CANARY_PASSWORD, CANARY_TOKEN, writeKubeconfig } from "@/server/testing/kubeconfig-fixture";
import { fleetChanges } from "./changes";
import { startFleetService } from "./service";

/**
 * The kubeconfig carries planted canary credentials; nothing the fleet serialises — the
 * query, the mutation, the change stream, the log — may contain any of them.
 */
const CANARIES = [CANARY_TOKEN, CANARY_PASSWORD, CANARY_KEY_DATA, "canary-client-key"];

let up: FakeApiServer;
let down: FakeApiServer;
let service: ReturnType<typeof startFleetService>;
const logs: string[] = [];

beforeAll(async () => {
  [up, down] = await Promise.all([startFakeApiServer(), startFakeApiServer()]);
  down.setMode("unauthorized");
  const kubeconfig = await writeKubeconfig([
    { name: "west", server: up.url },
    { name: "east", server: down.url },
  ]);
  service = startFleetService(
    { ...parseEnv({}, "/nowhere"), kubeconfigPaths: [kubeconfig], probeIntervalMs: 60_000, probeTimeoutMs: 2000 },
    (line) => logs.push(line),
  );
  await service.ready();
});
afterAll(async () => {
  service.stop();
  await Promise.all([up.close(), down.close()]);
});

async function call(path: string, method: "GET" | "POST", body?: unknown) {
  const url = `http://x/api/trpc/${path}`;
  const init = body === undefined ? { method } : { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ json: body }) };
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(url, init),
    router: appRouter,
    createContext: () => ({ fleet: service }),
  });
  return res.text();
}

function expectNoCanary(text: string) {
  for (const canary of CANARIES) expect(text).not.toContain(canary);
}

describe("no credential leaves the server", () => {
  it("the credentials were really used (the canary reached the API server)", () => {
    expect(up.authorizations).toContain(`Bearer ${CANARY_TOKEN}-west`);
  });

  it("fleet.clusters output", async () => {
    const text = await call("fleet.clusters", "GET");
    expect(text).toContain("v1.31.4");
    expect(text).toContain("401 Unauthorized");
    expectNoCanary(text);
  });

  it("fleet.stats output", async () => {
    const text = await call(`fleet.stats?input=${encodeURIComponent(JSON.stringify({ json: { measureJson: true } }))}`, "GET");
    expect(text).toContain("rssBytes");
    expectNoCanary(text);
  });

  it("the object snapshot (what controllers read) holds no credential either", () => {
    expectNoCanary(JSON.stringify(service.snapshots.current(), (_k, v: unknown) => (v instanceof Map ? Object.fromEntries(v) : v)));
  });

  it("fleet.recheck output, success and failure", async () => {
    expectNoCanary(await call("fleet.recheck", "POST", { cluster: "west" }));
    expectNoCanary(await call("fleet.recheck", "POST", { cluster: "east" }));
    expectNoCanary(await call("fleet.recheck", "POST", { cluster: "nope" }));
  });

  it("the change stream snapshot and the feed backlog", async () => {
    const stream = fleetChanges(service, undefined, undefined);
    const first = await stream.next();
    await stream.return(undefined);
    expectNoCanary(JSON.stringify(first.value));
    expectNoCanary(JSON.stringify(service.feed.since(`${service.feed.lastId().split(".")[0]}.0`)));
  });

  it("log lines", () => {
    expect(logs.some((l) => l.includes("east unreachable"))).toBe(true);
    expectNoCanary(logs.join("\n"));
  });
});
