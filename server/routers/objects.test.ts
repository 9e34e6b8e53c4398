// The objects router through the real tRPC handler over a fake fleet (the small demo snapshot plus a few Istio
// objects): bounded input refused with fieldErrors, unknown names NOT_FOUND naming the field, and no cluster asked
// for a list or a detail (they read the cache).
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { errorOf, fakeFleet, get, handlerFor } from "@/server/http/test/handler-fixture";
import { istio, seSpec } from "@/server/objects/test/fixtures";
import type { ObjectDetail, ObjectPage } from "@/server/objects/types";
import { demoSnapshot } from "@/server/workspaces/test/fake-deps";

const snapshot = demoSnapshot({
  west: [istio("ServiceEntry", "bookinfo", "external-api", seSpec("api.example.com")), istio("DestinationRule", "bookinfo", "reviews", { host: "reviews" })],
  east: [istio("ServiceEntry", "bookinfo", "external-api", seSpec("api.example.com"))],
});

async function dataOf<T>(res: Response): Promise<T> {
  expect(res.status).toBe(200);
  const body = (await res.json()) as { result: { data: unknown } };
  return superjson.deserialize(body.result.data as Parameters<typeof superjson.deserialize>[0]) as T;
}

const REF = { cluster: "west", kind: "ServiceEntry", namespace: "bookinfo", name: "external-api" };

describe("objects router: bad input", () => {
  it.each<[string, unknown, string]>([
    ["objects.list", { kind: "Pod" }, "kind"],
    ["objects.list", { limit: 1000 }, "limit"],
    ["objects.list", { limit: 0 }, "limit"],
    ["objects.list", { offset: -1 }, "offset"],
    ["objects.list", { offset: 1.5 }, "offset"],
    ["objects.list", { search: "x".repeat(254) }, "search"],
    ["objects.list", { generated: "maybe" }, "generated"],
    ["objects.list", { sort: "size" }, "sort"],
    ["objects.list", { cluster: "" }, "cluster"],
    ["objects.get", { ...REF, name: "n".repeat(254) }, "name"],
    ["objects.get", { ...REF, kind: "Secret" }, "kind"],
    ["objects.get", { cluster: "west", kind: "ServiceEntry", namespace: "bookinfo" }, "name"],
    ["objects.events", { ...REF, namespace: 7 }, "namespace"],
  ])("%s %o → 400 naming %s", async (path, input, field) => {
    const fleet = fakeFleet(snapshot);
    const { status, error } = await errorOf(await handlerFor(fleet).handle(get(path, input)));
    expect(status).toBe(400);
    expect(error.data.fieldErrors.map((e) => e.field)).toEqual([field]);
    expect(fleet.handle).not.toHaveBeenCalled();
  });
});

describe("objects router: unknown names", () => {
  it.each<[string, unknown, string, string]>([
    ["objects.list", { cluster: "mars" }, "cluster", 'No cluster named "mars" in the fleet (known: west, east, north).'],
    ["objects.get", { ...REF, cluster: "mars" }, "cluster", 'No cluster named "mars" in the fleet (known: west, east, north).'],
    ["objects.get", { ...REF, name: "nope" }, "name", 'No ServiceEntry "bookinfo/nope" in cluster west.'],
    ["objects.events", { ...REF, cluster: "mars" }, "cluster", 'No cluster named "mars" in the fleet (known: west, east, north).'],
  ])("%s %o → 404 on %s", async (path, input, field, message) => {
    const fleet = fakeFleet(snapshot);
    const { status, error } = await errorOf(await handlerFor(fleet).handle(get(path, input)));
    expect(status).toBe(404);
    expect(error.data.fieldErrors).toEqual([{ field, message }]);
    expect(fleet.handle).not.toHaveBeenCalled();
  });
});

describe("objects router: answers from the cache", () => {
  it("lists, filtered and paged, with the stale cluster flagged", async () => {
    const fleet = fakeFleet(snapshot);
    const page = await dataOf<ObjectPage>(await handlerFor(fleet).handle(get("objects.list", { kind: "ServiceEntry", limit: 1 })));
    expect(page.rows).toEqual([{ cluster: "east", kind: "ServiceEntry", namespace: "bookinfo", name: "external-api", summary: "api.example.com", generated: false, createdAt: "2026-12-05T03:00:00Z" }]);
    expect(page).toMatchObject({ total: 2, all: 3, offset: 0, limit: 1 });
    expect(page.clusters.find((c) => c.name === "north")).toMatchObject({ state: "stale", staleSince: "2026-01-10T11:00:00.000Z" });
    expect(fleet.handle).not.toHaveBeenCalled();
  });

  it("gets one object's YAML and owner", async () => {
    const fleet = fakeFleet(snapshot);
    const detail = await dataOf<ObjectDetail>(await handlerFor(fleet).handle(get("objects.get", REF)));
    expect(detail).toMatchObject({ cluster: "west", name: "external-api", owner: { kind: "foreign", claimsConsole: false } });
    expect(detail.yaml).toContain("hosts:\n    - api.example.com");
    expect(fleet.handle).not.toHaveBeenCalled();
  });

  it("events of a cluster without a usable context come back as data for that cluster", async () => {
    const fleet = fakeFleet(snapshot);
    const result = await dataOf<unknown>(await handlerFor(fleet).handle(get("objects.events", REF)));
    expect(result).toEqual({ ok: false, cluster: "west", reason: "unreachable", error: { reason: "unknown", message: "west is not a usable context of the kubeconfig." } });
    expect(fleet.handle).toHaveBeenCalledWith("west");
  });
});
