import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { obj } from "@/lib/fleet/snapshot-fixtures";
import type { CachedObject } from "@/lib/fleet/snapshot-types";
import { computeFleetState } from "@/server/registry/fleet-state";
import { buildStatus } from "@/server/registry/status";
import type { RegistryService } from "@/server/registry/service";
import { snapshotFleet } from "@/server/testing/snapshot-fleet";
import { demoSnapshot } from "@/server/workspaces/test/fake-deps";
import { createCallerFactory } from "@/server/trpc";
import { appRouter } from "./app-router";

/** An east-west gateway (IngressGateway, its LoadBalancer Service on 15443 with an address, a ready pod). */
const gateway = (ip: string): CachedObject[] => [
  obj("IngressGateway", "eastwest-gateway", { namespace: "bookinfo", spec: { eastWestOnly: true } }),
  { ...obj("Service", "eastwest-gateway", { namespace: "bookinfo", labels: { app: "eastwest-gateway" }, spec: { type: "LoadBalancer", selector: { app: "eastwest-gateway" }, ports: [{ name: "tls", port: 15443 }] } }), status: { loadBalancer: { ingress: [{ ip }] } } },
  { ...obj("Pod", "eastwest-gateway-1", { namespace: "bookinfo", labels: { app: "eastwest-gateway" }, spec: { containers: [{ name: "istio-proxy", ports: [{ containerPort: 15443 }] }] } }), status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }] } },
];
const snapshot = demoSnapshot({ west: gateway("10.0.0.1"), east: gateway("10.0.0.2") });
const fleet = snapshotFleet(snapshot);

/** The registry's own status of the demo fleet, nothing written yet: every planned object is missing. */
const state = computeFleetState(snapshot, { managementCluster: "west", allowLoopbackGatewayAddresses: true });
const status = buildStatus({ mode: "standalone", leader: true, identity: "console-1", lastReconcileAt: null, state, writeConditions: [], writes: { applied: 0, deleted: 0, failed: 0 } });
const registry = { status: () => status } as unknown as RegistryService;
const callerWith = (running: Promise<RegistryService> | undefined) => createCallerFactory(appRouter)({ fleet, registry: running });
const caller = () => callerWith(Promise.resolve(registry));
/** The query as the browser sends it, through the fetch adapter and the error formatter (server/trpc.ts). */
async function overHttp(input: unknown) {
  const url = `http://console/api/trpc/registry.status?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
  const res = await fetchRequestHandler({ endpoint: "/api/trpc", req: new Request(url), router: appRouter, createContext: () => ({ fleet, registry: Promise.resolve(registry) }) });
  const body = (await res.json()) as { error?: { json: { data: { fieldErrors?: Array<{ field: string }> } } } };
  return { status: res.status, fields: body.error?.json.data.fieldErrors?.map((e) => e.field) };
}
const planned = Object.values(status.planned).reduce((n, objects) => n + objects.length, 0);

describe("registry.status", () => {
  it("pages through every object not in sync, each once, with counts per cluster", async () => {
    expect(planned).toBeGreaterThan(3);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page = await caller().registry.status({ limit: 3, ...(cursor ? { cursor } : {}) });
      expect(page.rows.length).toBeLessThanOrEqual(3);
      seen.push(...page.rows.map((r) => `${r.cluster} ${r.kind} ${r.namespace}/${r.name}`));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const first = await caller().registry.status();
    expect(first).toMatchObject({ mode: "standalone", leader: true, identity: "console-1", totalRows: seen.length });
    expect(first.summary.reduce((n, s) => n + s.missing + s.unverified, 0)).toBe(seen.length);
    expect(first.summary.reduce((n, s) => n + s.expected, 0)).toBe(planned);
  });

  it("for one workspace, answers its part and names it", async () => {
    const page = await caller().registry.status({ workspace: "bookinfo-ws" });
    expect(page.workspace).toBe("bookinfo-ws");
    expect(page.summary.map((s) => s.cluster).sort()).toEqual(["east", "north", "west"]);
    expect(page.rows.every((r) => r.namespace === "bookinfo" || r.namespace === "xcp-multicluster")).toBe(true);
    expect(page.rows.length).toBeGreaterThan(0);
  });

  it.each([
    ["an unknown workspace", { workspace: "nope" }, 404, "workspace"],
    ["a page over 200", { limit: 201 }, 400, "limit"],
    ["a page of none", { limit: 0 }, 400, "limit"],
    ["a fractional page", { limit: 2.5 }, 400, "limit"],
    ["a cursor this console did not give", { cursor: "bm90IGpzb24" }, 400, "cursor"],
    ["a cursor that is not base64url", { cursor: "a b" }, 400, "cursor"],
    ["an over-long cursor", { cursor: "a".repeat(2_049) }, 400, "cursor"],
    ["an over-long workspace name", { workspace: "x".repeat(254) }, 400, "workspace"],
  ])("refuses %s with %i naming the field", async (_name, input, status, field) => {
    const answer = await overHttp(input);
    expect(answer.status).toBe(status);
    expect(answer.fields).toEqual([field]);
  });

  it("says the registry is not running when it is absent", async () => {
    await expect(callerWith(undefined).registry.status()).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("reads the registry's reports, never recomputing them per request", async () => {
    const a = await caller().registry.status({ limit: 200 });
    const b = await caller().registry.status({ limit: 200 });
    expect(b.summary).toBe(a.summary);
    expect(buildStatus({ mode: "standalone", leader: true, identity: "x", lastReconcileAt: null, state, writeConditions: [], writes: { applied: 0, deleted: 0, failed: 0 } }).clusters).toBe(status.clusters);
  });
});
