// Applies and removals with a fake writer: a double click applies once, foreign objects are never touched,
// and per-cluster failures are data.
import { describe, expect, it } from "vitest";
import { exposureApply } from "./exposure-apply";
import { gatewayApply } from "./gateway-apply";
import { gatewayRemove } from "./gateway-remove";
import { demoSnapshot, fakeDeps, fakeWriter } from "./test/fake-deps";

const WS = "bookinfo-ws";
const MANAGED = { "app.kubernetes.io/managed-by": "eastwest-console" };

describe("writes", () => {
  it("coalesces a double click on gateway apply into one apply per cluster, and applies again afterwards", async () => {
    const west = fakeWriter("west", { hold: true });
    const east = fakeWriter("east", { hold: true });
    const deps = fakeDeps(demoSnapshot(), { west, east });
    const input = { workspace: WS, clusters: ["west", "east"] };
    const first = gatewayApply(deps, input);
    const second = gatewayApply(deps, { ...input, name: "" });
    west.release();
    east.release();
    const [a, b] = await Promise.all([first, second]);
    expect(a).toBe(b);
    expect(a.results).toEqual([{ cluster: "west", ok: true }, { cluster: "east", ok: true }]);
    expect(west.calls.filter((c) => c === "apply")).toHaveLength(1);
    await gatewayApply(deps, input);
    expect(west.calls.filter((c) => c === "apply")).toHaveLength(2);
  });

  it("coalesces identical exposure applies but not a forced one", async () => {
    const west = fakeWriter("west", { hold: true });
    const deps = fakeDeps(demoSnapshot(), { west });
    const input = { workspace: WS, exposure: { mode: "selected" as const, services: ["details.bookinfo.svc.cluster.local"] } };
    const calls = [exposureApply(deps, input), exposureApply(deps, input), exposureApply(deps, { ...input, force: true })];
    // Validation is async (settings API), so release only once every call has reached the writer.
    await expect.poll(() => west.calls.length, { timeout: 2_000, interval: 5 }).toBe(2);
    west.release();
    expect(await Promise.all(calls)).toEqual([{ cluster: "west", ok: true }, { cluster: "west", ok: true }, { cluster: "west", ok: true }]);
    expect(west.calls).toEqual(["apply", "apply"]);
  });

  it.each([
    ["no marks at all", {}, [], ["get"]],
    ["only the label, copied by hand", MANAGED, [{ manager: "kubectl-client-side-apply", operation: "Update" }], ["get"]],
    ["only the field manager", {}, [{ manager: "eastwest-console", operation: "Apply" }], ["get"]],
    // Its own gateway, someone set eastWestOnly false: the console may apply its manifest again.
    ["the console's own marks", MANAGED, [{ manager: "eastwest-console", operation: "Apply" }], ["get", "apply"]],
  ])("applies over an existing gateway only when the console can prove it made it: %s", async (_name, labels, managedFields, calls) => {
    const live = { apiVersion: "install.tetrate.io/v1alpha1", kind: "IngressGateway", metadata: { name: "eastwest-gateway", namespace: "bookinfo", labels, managedFields }, spec: { eastWestOnly: false } };
    const west = fakeWriter("west", { live });
    const deps = fakeDeps(demoSnapshot(), { west });
    const run = gatewayApply(deps, { workspace: WS, clusters: ["west"] });
    if (calls.includes("apply")) expect(await run).toEqual({ results: [{ cluster: "west", ok: true }] });
    else await expect(run).rejects.toMatchObject({ tag: "eastwest.Invalid", fieldErrors: [expect.objectContaining({ field: "name", message: expect.stringMatching(/cannot prove it created it/) })] });
    expect(west.calls).toEqual(calls);
  });

  it("a cluster without credentials is an unreachable result, the others still apply", async () => {
    const west = fakeWriter("west");
    const deps = fakeDeps(demoSnapshot(), { west });
    const result = await gatewayApply(deps, { workspace: WS, clusters: ["west", "east"] });
    expect(result.results).toEqual([{ cluster: "west", ok: true }, { cluster: "east", ok: false, kind: "unreachable", message: expect.stringMatching(/no usable credentials for east/) }]);
  });

  const APPLIED = [{ manager: "eastwest-console", operation: "Apply" }];
  it.each([
    ["the console's gateway is deleted with its uid and resourceVersion", { labels: MANAGED, uid: "u9", resourceVersion: "42", managedFields: APPLIED }, true, ["get", "remove"]],
    ["a hand-made gateway is refused", { labels: {}, uid: "u9", resourceVersion: "42", managedFields: APPLIED }, true, ["get"]],
    ["a copied label without the console's field manager is refused", { labels: MANAGED, uid: "u9", resourceVersion: "42", managedFields: [{ manager: "kubectl", operation: "Update" }] }, true, ["get"]],
    ["the console's marks but eastWestOnly false is refused", { labels: MANAGED, uid: "u9", resourceVersion: "42", managedFields: APPLIED }, false, ["get"]],
  ])("%s", async (_name, meta, eastWestOnly, calls) => {
    const west = fakeWriter("west", { live: { kind: "IngressGateway", metadata: { name: "eastwest-gateway", namespace: "bookinfo", ...meta }, spec: { eastWestOnly } } });
    const deps = fakeDeps(demoSnapshot(), { west });
    const run = gatewayRemove(deps, { workspace: WS, cluster: "west", namespace: "bookinfo", name: "eastwest-gateway" });
    if (calls.includes("remove")) {
      expect(await run).toEqual({ cluster: "west", ok: true });
      expect(west.remove).toHaveBeenCalledWith(expect.objectContaining({ name: "eastwest-gateway" }), { uid: "u9", resourceVersion: "42" });
    } else await expect(run).rejects.toMatchObject({ fieldErrors: [expect.objectContaining({ field: "name" })] });
    expect(west.calls).toEqual(calls);
  });
});
