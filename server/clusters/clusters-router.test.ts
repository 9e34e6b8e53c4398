// clusters.detail over HTTP through the real handler: bad input is 400 naming the field "cluster", an unknown
// cluster 404 naming it, and neither asks any cluster (the page reads the fleet's cache, never the API server).
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { errorOf, fakeFleet, get, handlerFor } from "@/server/http/test/handler-fixture";
import type { ClusterDetail } from "./types";
import { pageSnapshot, pageView } from "./test-fleet";

function fleet() {
  const fake = fakeFleet(pageSnapshot());
  fake.view = pageView;
  return fake;
}

describe("clusters.detail", () => {
  it.each<[string, unknown, RegExp]>([
    ["an empty name", { cluster: "" }, /required/],
    ["only spaces", { cluster: "   " }, /required/],
    ["a name longer than 253 characters", { cluster: "a".repeat(254) }, /longer than 253/],
    ["a number", { cluster: 7 }, /./],
    ["no cluster at all", {}, /./],
  ])("%s → 400 on the field cluster", async (_, input, message) => {
    const f = fleet();
    const { status, error } = await errorOf(await handlerFor(f).handle(get("clusters.detail", input)));
    expect(status).toBe(400);
    expect(error.data.fieldErrors).toEqual([{ field: "cluster", message: expect.stringMatching(message) }]);
    expect(f.handle).not.toHaveBeenCalled();
  });

  it("an unknown cluster → 404 naming the field and the clusters there are", async () => {
    const f = fleet();
    const { status, error } = await errorOf(await handlerFor(f).handle(get("clusters.detail", { cluster: "mars" })));
    expect(status).toBe(404);
    expect(error.data).toMatchObject({ code: "NOT_FOUND", fieldErrors: [{ field: "cluster", message: 'No cluster named "mars" in the kubeconfig (known: west, east, north).' }] });
    expect(f.handle).not.toHaveBeenCalled();
  });

  it("a known cluster → its page's data, without asking it", async () => {
    const f = fleet();
    const res = await handlerFor(f).handle(get("clusters.detail", { cluster: "east" }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: Parameters<typeof superjson.deserialize>[0] } };
    const detail = superjson.deserialize<ClusterDetail>(body.result.data);
    expect(detail.status.cluster).toBe("east");
    expect(detail.gateways.map((g) => `${g.namespace}/${g.name}`)).toEqual(["bookinfo/eastwest-gateway"]);
    expect(f.handle).not.toHaveBeenCalled();
  });
});
