// Every list and string a procedure takes is bounded by its zod schema: over the bound is a 400 naming the field,
// answered in a few hundred bytes whatever was sent, before any work that grows with the input.
import { describe, expect, it } from "vitest";
import { errorOf, fakeFleet, get, handlerFor, post } from "@/server/http/test/handler-fixture";

const WS = "bookinfo-ws";
const long = "x".repeat(5_000);
const many = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i));

// [procedure, call, input, field]
const cases: Array<[string, "query" | "mutation", unknown, string]> = [
  ["fleet.recheck", "mutation", { cluster: long }, "cluster"],
  ["workspace.detail", "query", { workspace: long }, "workspace"],
  ["workspace.gatewayPreview", "mutation", { workspace: WS, clusters: many(257, (i) => `c${i}`) }, "clusters"],
  ["workspace.gatewayApply", "mutation", { workspace: WS, clusters: [long] }, "clusters.0"],
  ["workspace.gatewayApply", "mutation", { workspace: WS, name: long, clusters: ["west"] }, "name"],
  ["workspace.gatewayPreview", "mutation", { workspace: WS, namespace: long, clusters: ["west"] }, "namespace"],
  ["workspace.gatewayRemovePreview", "mutation", { workspace: WS, cluster: "west", namespace: "bookinfo", name: long }, "name"],
  ["workspace.gatewayRemove", "mutation", { workspace: WS, cluster: long, namespace: "bookinfo", name: "gw" }, "cluster"],
  ["workspace.exposurePreview", "mutation", { workspace: WS, exposure: { mode: "selected", services: many(10_001, (i) => `s${i}.bookinfo.svc.cluster.local`) } }, "exposure.services"],
  ["workspace.exposureApply", "mutation", { workspace: WS, exposure: { mode: "selected", services: [long] } }, "exposure.services.0"],
];

describe("input bounds", () => {
  it.each(cases)("%s (%s): over the bound on %# → 400", async (path, type, input, field) => {
    const fleet = fakeFleet();
    const { handle } = handlerFor(fleet);
    const { status, text, error } = await errorOf(await handle(type === "query" ? get(path, input) : post(path, input)));
    expect(status).toBe(400);
    expect(error.data.fieldErrors).toEqual([{ field, message: expect.stringMatching(/longer than 253 characters|at most/) }]);
    expect(text.length).toBeLessThan(1_000);
    expect(fleet.handle).not.toHaveBeenCalled();
  });

  it("an over-long SSE resume id is refused", async () => {
    const { handle } = handlerFor(fakeFleet());
    const res = await handle(get("fleet.onChange", { lastEventId: long }, { headers: { accept: "text/event-stream" } }));
    // tRPC answers a subscription's input error inside the event stream, as a serialized error, and ends it.
    const text = await res.text();
    expect(text).toContain("event: serialized-error");
    expect(text).toContain('"fieldErrors":[{"field":"lastEventId","message":"Too big: expected string to have <=128 characters"}]');
    expect(text).not.toContain("x".repeat(129));
  });
});
