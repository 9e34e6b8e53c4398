// Bad input is a tagged Invalid error (→ 400) naming the field, an unknown name a tagged NotFound (→ 404) naming
// the field, and nothing reaches a cluster: not even a read.
import { describe, expect, it } from "vitest";
import { exposureApply } from "./exposure-apply";
import { exposurePreview } from "./exposure-preview";
import { gatewayApply } from "./gateway-apply";
import { gatewayPreview } from "./gateway-preview";
import { gatewayRemove, gatewayRemovePreview } from "./gateway-remove";
import { demoSnapshot, fakeDeps, fakeWriter } from "./test/fake-deps";
import type { LiveObject } from "@/server/kube/console-outcome";
import type { WorkspaceDeps } from "./deps";

const WS = "bookinfo-ws";

type Case = [string, (deps: WorkspaceDeps) => Promise<unknown>, string, RegExp];

const cases: Case[] = [
  ["stale cluster", (d) => gatewayApply(d, { workspace: WS, clusters: ["north"] }), "clusters.0", /unreachable or not synced since 2026-01-10T11:00:00.000Z/],
  ["no cluster", (d) => gatewayPreview(d, { workspace: WS, clusters: [] }), "clusters", /at least one cluster/],
  ["name not a DNS label", (d) => gatewayApply(d, { workspace: WS, name: "East_West", clusters: ["west"] }), "name", /DNS-1123 label/],
  ["namespace not in the workspace", (d) => gatewayApply(d, { workspace: WS, namespace: "other", clusters: ["west"] }), "namespace", /not in workspace bookinfo-ws/],
  ["namespace not a DNS label", (d) => gatewayPreview(d, { workspace: WS, namespace: "Book", clusters: ["west"] }), "namespace", /upper-case/],
  ["FQDN outside the workspace", (d) => exposureApply(d, { workspace: WS, exposure: { mode: "selected", services: ["lonely.other.svc.cluster.local"] } }), "exposure.services.0", /not in workspace/],
  ["not an FQDN", (d) => exposurePreview(d, { workspace: WS, exposure: { mode: "selected", services: ["details"] } }), "exposure.services.0", /not a service FQDN/],
  ["no service chosen", (d) => exposurePreview(d, { workspace: WS, exposure: { mode: "selected", services: [] } }), "exposure.services", /at least one service/],
  ["remove from a stale cluster", (d) => gatewayRemove(d, { workspace: WS, cluster: "north", namespace: "bookinfo", name: "eastwest-gateway" }), "cluster", /unreachable/],
];

describe("bad input", () => {
  it.each(cases)("%s → 400 on the field, nothing sent", async (_name, call, field, message) => {
    const deps = fakeDeps(demoSnapshot());
    const error: unknown = await call(deps).then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ tag: "eastwest.Invalid", fieldErrors: expect.arrayContaining([{ field, message: expect.stringMatching(message) }]) });
    expect(deps.writerFor).not.toHaveBeenCalled();
  });

  it.each([
    ["an unknown workspace", (d: WorkspaceDeps) => gatewayPreview(d, { workspace: "nope", clusters: ["west"] }), "workspace"],
    ["an unknown workspace on apply", (d: WorkspaceDeps) => exposureApply(d, { workspace: "nope", exposure: { mode: "all" } }), "workspace"],
    ["an unknown cluster in the list", (d: WorkspaceDeps) => gatewayApply(d, { workspace: WS, clusters: ["west", "mars"] }), "clusters.1"],
    ["an unknown cluster to remove from", (d: WorkspaceDeps) => gatewayRemove(d, { workspace: WS, cluster: "mars", namespace: "bookinfo", name: "eastwest-gateway" }), "cluster"],
  ])("%s is NOT_FOUND naming the field, nothing sent", async (_name, call, field) => {
    const deps = fakeDeps(demoSnapshot());
    await expect(call(deps)).rejects.toMatchObject({ tag: "eastwest.NotFound", field, message: expect.stringMatching(/"(nope|mars)"/) });
    expect(deps.writerFor).not.toHaveBeenCalled();
  });

  it("names every unknown cluster of a list", async () => {
    const error = await gatewayApply(fakeDeps(demoSnapshot()), { workspace: WS, clusters: ["mars", "west", "venus"] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ tag: "eastwest.NotFound", fieldErrors: [expect.objectContaining({ field: "clusters.0" }), expect.objectContaining({ field: "clusters.2" })] });
  });
});

describe("names and objects the console will not walk", () => {
  const deep = (levels: number): Record<string, unknown> => (levels <= 1 ? { leaf: true } : { a: deep(levels - 1) });
  const live = (kind: string, name: string): LiveObject => ({ apiVersion: "v1", kind, metadata: { name, namespace: "bookinfo", uid: "u1", resourceVersion: "1", labels: { "app.kubernetes.io/managed-by": "eastwest-console" }, managedFields: [{ manager: "eastwest-console", operation: "Apply" }] }, spec: deep(100) });

  it("a gateway that does not exist is NOT_FOUND on name", async () => {
    const deps = fakeDeps(demoSnapshot(), { west: fakeWriter("west") });
    await expect(gatewayRemovePreview(deps, { workspace: WS, cluster: "west", namespace: "bookinfo", name: "gone" })).rejects.toMatchObject({
      tag: "eastwest.NotFound",
      field: "name",
      message: "IngressGateway bookinfo/gone does not exist in west.",
    });
  });

  it.each([
    ["the live WorkspaceSetting read at preview", (d: WorkspaceDeps) => exposurePreview(d, { workspace: WS, exposure: { mode: "all" } }), "WorkspaceSetting", "bookinfo-ws-setting", "workspace"],
    ["a live IngressGateway read at preview", (d: WorkspaceDeps) => gatewayPreview(d, { workspace: WS, clusters: ["west"] }), "IngressGateway", "eastwest-gateway", "name"],
    ["a live IngressGateway read at removal preview", (d: WorkspaceDeps) => gatewayRemovePreview(d, { workspace: WS, cluster: "west", namespace: "bookinfo", name: "eastwest-gateway" }), "IngressGateway", "eastwest-gateway", "name"],
    ["a live IngressGateway read at removal", (d: WorkspaceDeps) => gatewayRemove(d, { workspace: WS, cluster: "west", namespace: "bookinfo", name: "eastwest-gateway" }), "IngressGateway", "eastwest-gateway", "name"],
  ])("%s nested too deep is Unprocessable, and nothing is applied or removed", async (_name, call, kind, name, field) => {
    const writer = fakeWriter("west", { live: live(kind, name) });
    const error = await call(fakeDeps(demoSnapshot(), { west: writer })).then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ tag: "eastwest.Unprocessable", field, message: `${kind} bookinfo/${name} nests deeper than 64 levels; the console will not edit it. Flatten it with kubectl, then try again.` });
    expect(writer.calls).not.toContain("apply");
    expect(writer.calls).not.toContain("remove");
  });
});
