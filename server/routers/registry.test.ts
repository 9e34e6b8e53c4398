import { describe, expect, it } from "vitest";
import { createFleetFeed } from "@/server/fleet/feed";
import type { FleetService } from "@/server/fleet/service";
import type { RegistryStatus } from "@/server/registry/status";
import type { RegistryService } from "@/server/registry/service";
import { createCallerFactory } from "@/server/trpc";
import { appRouter } from "./app-router";

const fleet: FleetService = {
  feed: createFleetFeed({ epoch: "t" }),
  ready: async () => undefined,
  view: () => ({ kind: "ready", sources: [], managementCluster: null, clusters: [] }),
  snapshots: { current: () => ({ revision: 0, at: "2026-01-10T12:00:00.000Z", managementCluster: null, clusters: [] }), subscribe: () => () => undefined },
  recheck: async () => {
    throw new Error("not used");
  },
  handle: () => undefined,
};

const status: RegistryStatus = {
  mode: "observe",
  leader: false,
  identity: "console-1",
  lastReconcileAt: "2026-01-10T12:00:00.000Z",
  conditions: [],
  clusters: [],
  propagation: [],
  writes: { applied: 0, deleted: 0, failed: 0 },
};

const registry = { status: () => status } as unknown as RegistryService;

describe("registry.status", () => {
  it.each([
    ["returns what the running registry reports", Promise.resolve(registry), { ok: status }],
    ["says the registry is not running when it is absent", undefined, { code: "PRECONDITION_FAILED" }],
  ] as const)("%s", async (_name, running, expected) => {
    const call = createCallerFactory(appRouter)({ fleet, registry: running }).registry.status();
    if ("ok" in expected) await expect(call).resolves.toEqual(expected.ok);
    else await expect(call).rejects.toMatchObject({ code: expected.code });
  });
});
