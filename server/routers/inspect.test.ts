// Router `inspect` over HTTP through the real handler: input bounded and validated by the contract's schemas (400
// naming the field, a short answer whatever was sent), unknown names NOT_FOUND naming the field, and a known node
// answered; no cluster is asked (everything is read from the fleet model).
import { describe, expect, it } from "vitest";
import { errorOf, fakeFleet, get, handlerFor } from "@/server/http/test/handler-fixture";

const long = "x".repeat(5_000);
const DETAILS = "details.bookinfo.svc.cluster.local";

describe("router inspect: bad input", () => {
  it.each<[string, unknown, string]>([
    ["inspect.node", {}, "id"],
    ["inspect.node", { id: "" }, "id"],
    ["inspect.node", { id: 42 }, "id"],
    ["inspect.node", { id: long }, "id"],
    ["inspect.node", { id: "cluster:west", workspace: long }, "workspace"],
    ["inspect.node", { id: "cluster:west", workspace: "" }, "workspace"],
    ["inspect.whatIf", {}, "removal"],
    ["inspect.whatIf", { removal: { kind: "pod", cluster: "west" } }, "removal.kind"],
    ["inspect.whatIf", { removal: { kind: "cluster", cluster: long } }, "removal.cluster"],
    ["inspect.whatIf", { removal: { kind: "gateway", cluster: "west", namespace: "bookinfo" } }, "removal.name"],
    ["inspect.whatIf", { removal: { kind: "instance", cluster: "west", fqdn: "" } }, "removal.fqdn"],
  ])("%s %j → 400 naming %s", async (path, input, field) => {
    const fleet = fakeFleet();
    const { status, text, error } = await errorOf(await handlerFor(fleet).handle(get(path, input)));
    expect(status).toBe(400);
    expect(error.data.fieldErrors.map((e) => e.field)).toContain(field);
    expect(text.length).toBeLessThan(2_000);
    expect(fleet.handle).not.toHaveBeenCalled();
  });

  it.each<[string, unknown, string]>([
    ["inspect.node", { id: "nonsense" }, "id"],
    ["inspect.node", { id: `svc:mars/${DETAILS}` }, "id"],
    ["inspect.node", { id: "cluster:west", workspace: "nope" }, "workspace"],
    ["inspect.whatIf", { removal: { kind: "cluster", cluster: "mars" } }, "removal.cluster"],
    ["inspect.whatIf", { workspace: "nope", removal: { kind: "cluster", cluster: "west" } }, "workspace"],
  ])("%s %j → 404 naming %s", async (path, input, field) => {
    const fleet = fakeFleet();
    const { status, error } = await errorOf(await handlerFor(fleet).handle(get(path, input)));
    expect(status).toBe(404);
    expect(error.data.fieldErrors).toEqual([{ field, message: expect.any(String) }]);
    expect(fleet.handle).not.toHaveBeenCalled();
  });

  it("a known node is answered", async () => {
    const res = await handlerFor(fakeFleet()).handle(get("inspect.node", { id: `svc:west/${DETAILS}` }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: { json: { kind: string; title: string } } } };
    expect(body.result.data.json).toMatchObject({ kind: "service", title: DETAILS });
  });
});
