// Every procedure that takes a name answers 404 naming the field when the name matches nothing, over HTTP
// through the real handler (one error shape: message + data.fieldErrors), and asks no cluster.
import { describe, expect, it } from "vitest";
import { notFound } from "@/server/errors";
import { errorOf, fakeFleet, get, handlerFor, post } from "@/server/http/test/handler-fixture";

const WS = "bookinfo-ws";
const recheck = async (name: string) => {
  throw notFound("cluster", `No cluster named "${name}" in the kubeconfig (known: west, east, north).`);
};

// [procedure, how it is called, input, field named, quoted name]
const cases: Array<[string, "query" | "mutation", unknown, string, string]> = [
  ["fleet.recheck", "mutation", { cluster: "mars" }, "cluster", "mars"],
  ["workspace.detail", "query", { workspace: "nope" }, "workspace", "nope"],
  ["workspace.gatewayPreview", "mutation", { workspace: "nope", clusters: ["west"] }, "workspace", "nope"],
  ["workspace.gatewayPreview", "mutation", { workspace: WS, clusters: ["west", "mars"] }, "clusters.1", "mars"],
  ["workspace.gatewayApply", "mutation", { workspace: "nope", clusters: ["west"] }, "workspace", "nope"],
  ["workspace.gatewayApply", "mutation", { workspace: WS, clusters: ["mars"] }, "clusters.0", "mars"],
  ["workspace.gatewayRemovePreview", "mutation", { workspace: "nope", cluster: "west", namespace: "bookinfo", name: "eastwest-gateway" }, "workspace", "nope"],
  ["workspace.gatewayRemovePreview", "mutation", { workspace: WS, cluster: "mars", namespace: "bookinfo", name: "eastwest-gateway" }, "cluster", "mars"],
  ["workspace.gatewayRemove", "mutation", { workspace: "nope", cluster: "west", namespace: "bookinfo", name: "eastwest-gateway" }, "workspace", "nope"],
  ["workspace.gatewayRemove", "mutation", { workspace: WS, cluster: "mars", namespace: "bookinfo", name: "eastwest-gateway" }, "cluster", "mars"],
  ["workspace.exposurePreview", "mutation", { workspace: "nope", exposure: { mode: "all" } }, "workspace", "nope"],
  ["workspace.exposureApply", "mutation", { workspace: "nope", exposure: { mode: "all" } }, "workspace", "nope"],
];

describe("unknown names", () => {
  it.each([
    ["workspace.gatewayPreview", { workspace: WS, clusters: ["west", "south"] }, "clusters.1"],
    ["workspace.gatewayApply", { workspace: WS, clusters: ["south"] }, "clusters.0"],
    ["workspace.gatewayRemovePreview", { workspace: WS, cluster: "south", namespace: "bookinfo", name: "eastwest-gateway" }, "cluster"],
  ])("%s naming a context EASTWEST_CONTEXTS leaves out → 404 that says so", async (path, input, field) => {
    const fleet = fakeFleet(undefined, recheck, ["south"]);
    const { status, error } = await errorOf(await handlerFor(fleet).handle(post(path, input)));
    expect(status).toBe(404);
    expect(error.data.fieldErrors).toEqual([{ field, message: 'cluster "south" is in the kubeconfig but excluded by EASTWEST_CONTEXTS (watching: west, east, north); add it there to use it.' }]);
    expect(fleet.handle).not.toHaveBeenCalled();
  });

  it.each(cases)("%s (%s) with an unknown name → 404 on %#", async (path, type, input, field, name) => {
    const fleet = fakeFleet(undefined, recheck);
    const { handle } = handlerFor(fleet);
    const res = await handle(type === "query" ? get(path, input) : post(path, input));
    const { status, error } = await errorOf(res);
    expect(status).toBe(404);
    expect(error.data).toEqual({ code: "NOT_FOUND", httpStatus: 404, path, fieldErrors: [{ field, message: expect.stringContaining(`"${name}"`) }] });
    expect(error.message).toContain(`"${name}"`);
    expect(fleet.handle).not.toHaveBeenCalled();
  });
});
