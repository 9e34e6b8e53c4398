import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import type { ClusterStatus, FleetView } from "@/lib/fleet-schema";
import { notFound } from "@/server/errors";
import { NO_SYNC } from "@/server/fleet/cluster-status";
import { createFleetFeed } from "@/server/fleet/feed";
import type { FleetService } from "@/server/fleet/service";
import { createCallerFactory } from "@/server/trpc";
import { appRouter } from "./app-router";

const west: ClusterStatus = {
  cluster: "west",
  server: "http://127.0.0.1:1",
  management: true,
  checkedAt: "2026-01-10T12:00:00.000Z",
  since: "2026-01-10T12:00:00.000Z",
  sync: NO_SYNC,
  ok: true,
  value: { version: "v1.31.0", latencyMs: 3 },
};
const fleetView: FleetView = { kind: "ready", sources: ["/k"], managementCluster: "west", clusters: [west] };

function fakeFleet(): FleetService {
  return {
    feed: createFleetFeed({ epoch: "t" }),
    ready: async () => undefined,
    view: () => fleetView,
    snapshots: { current: () => ({ revision: 0, at: "2026-01-10T12:00:00.000Z", managementCluster: null, clusters: [] }), subscribe: () => () => undefined },
    recheck: async (name) => {
      if (name !== "west") throw notFound("cluster", `No cluster named "${name}" in the kubeconfig (known: west).`);
      return west;
    },
    handle: () => undefined,
  };
}

const caller = () => createCallerFactory(appRouter)({ fleet: fakeFleet() });

/** Calls the router over HTTP, so the error formatter runs as it does for the browser. */
async function post(path: string, input: unknown) {
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://x/api/trpc/${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(superjson.serialize(input)),
    }),
    router: appRouter,
    createContext: () => ({ fleet: fakeFleet() }),
  });
  return { status: res.status, body: (await res.json()) as { error?: { json: { message: string; data: Record<string, unknown> } } } };
}

describe("fleet router", () => {
  it("clusters returns the fleet view", async () => {
    expect(await caller().fleet.clusters()).toEqual(fleetView);
  });

  it("stats counts cached objects and reports memory", async () => {
    expect(await caller().fleet.stats()).toMatchObject({ revision: 0, clusters: 0, objects: 0, jsonBytes: null, rssBytes: expect.any(Number) });
  });

  it("recheck returns the fresh status", async () => {
    expect(await caller().fleet.recheck({ cluster: "west" })).toEqual(west);
  });

  it("recheck of an unknown cluster is NOT_FOUND", async () => {
    await expect(caller().fleet.recheck({ cluster: "south" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining('"south"'),
    });
  });

  it.each([
    ["unknown cluster → 404 naming the field", { cluster: "south" }, 404, { code: "NOT_FOUND", fieldErrors: [{ field: "cluster", message: expect.stringContaining('"south"') }] }],
    ["empty name → 400 with the zod field error", { cluster: " " }, 400, { code: "BAD_REQUEST", fieldErrors: [{ field: "cluster", message: "cluster name is required" }] }],
    ["missing input → 400", {}, 400, { code: "BAD_REQUEST", fieldErrors: [{ field: "cluster", message: expect.any(String) }] }],
  ])("over HTTP: %s", async (_name, input, status, data) => {
    const res = await post("fleet.recheck", input);
    expect(res.status).toBe(status);
    expect(res.body.error?.json.data).toMatchObject(data);
  });

  it("onChange starts with a snapshot tracked by feed id", async () => {
    const stream = await caller().fleet.onChange({});
    const iterator = stream[Symbol.asyncIterator]();
    const first = await iterator.next();
    // tracked(id, data) yields [id, data, marker]
    expect(Array.from(first.value as unknown as unknown[]).slice(0, 2)).toEqual(["t.0", { type: "fleet-reset", fleet: fleetView }]);
    await iterator.return?.();
  });
});
