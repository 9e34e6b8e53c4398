// The workspace router over HTTP (the fetch adapter, as the Next route uses it): results pass through, bad
// input answers 400 with data.fieldErrors, an unknown workspace or cluster 404 naming the field, and no cluster is asked.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import type { FleetService } from "@/server/fleet/service";
import { snapshotFleet } from "@/server/testing/snapshot-fleet";
import { demoSnapshot } from "@/server/workspaces/test/fake-deps";
import { createCallerFactory } from "@/server/trpc";
import { appRouter } from "./app-router";

const fakeFleet = () => snapshotFleet(demoSnapshot());

async function post(fleet: FleetService, path: string, input: unknown) {
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://console/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(superjson.serialize(input)) }),
    router: appRouter,
    createContext: () => ({ fleet }),
  });
  const body = (await res.json()) as { error?: { json: { data: Record<string, unknown> } } };
  return { status: res.status, data: body.error?.json.data };
}

describe("workspace router", () => {
  it("lists workspaces and returns a detail", async () => {
    const caller = createCallerFactory(appRouter)({ fleet: fakeFleet() });
    expect(await caller.workspace.list()).toEqual([expect.objectContaining({ name: "bookinfo-ws", clusters: ["west", "east", "north"], namespaces: ["bookinfo"] })]);
    const detail = await caller.workspace.detail({ workspace: "bookinfo-ws" });
    expect(detail).toMatchObject({ name: "bookinfo-ws", settingsForm: "seed", managementCluster: "west", setting: { name: "bookinfo-ws-setting" } });
    expect(detail.clusters.find((c) => c.name === "north")?.freshness).toMatchObject({ state: "stale", staleSince: "2026-01-10T11:00:00.000Z" });
  });

  it.each(([
    ["workspace.gatewayApply", { workspace: "bookinfo-ws", name: "Bad_Name", clusters: ["west"] }, 400, "name"],
    ["workspace.gatewayPreview", { workspace: "bookinfo-ws", clusters: ["mars"] }, 404, "clusters.0"],
    ["workspace.exposureApply", { workspace: "bookinfo-ws", exposure: { mode: "selected", services: ["x.other.svc.cluster.local"] } }, 400, "exposure.services.0"],
    ["workspace.gatewayRemove", { workspace: "bookinfo-ws", cluster: "west", namespace: "bookinfo" }, 400, "name"],
    ["workspace.exposurePreview", { workspace: "nope", exposure: { mode: "all" } }, 404, "workspace"],
  ] as Array<[string, unknown, number, string]>).map(([path, input, status, field]) => ({ path, input, status, field })))("$path with bad input answers $status on field $field and asks no cluster", async ({ path, input, status, field }) => {
    const fleet = fakeFleet();
    const answer = await post(fleet, path, input);
    expect(answer.status).toBe(status);
    expect(answer.data?.fieldErrors).toContainEqual({ field, message: expect.any(String) });
    expect(fleet.handle).not.toHaveBeenCalled();
  });
});
