// Bad input is a ValidationError (→ 400) naming the field, or NotFound for an unknown workspace, and nothing
// reaches a cluster: not even a read.
import { describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "@/server/errors";
import { exposureApply } from "./exposure-apply";
import { exposurePreview } from "./exposure-preview";
import { gatewayApply } from "./gateway-apply";
import { gatewayPreview } from "./gateway-preview";
import { gatewayRemove } from "./gateway-remove";
import { demoSnapshot, fakeDeps } from "./test/fake-deps";
import type { WorkspaceDeps } from "./deps";

const WS = "bookinfo-ws";

type Case = [string, (deps: WorkspaceDeps) => Promise<unknown>, string, RegExp];

const cases: Case[] = [
  ["unknown cluster", (d) => gatewayApply(d, { workspace: WS, clusters: ["west", "mars"] }), "clusters.1", /not one of the console's clusters/],
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
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toContainEqual({ field, message: expect.stringMatching(message) });
    expect(deps.writerFor).not.toHaveBeenCalled();
  });

  it("an unknown workspace is NOT_FOUND on field workspace", async () => {
    const deps = fakeDeps(demoSnapshot());
    await expect(gatewayPreview(deps, { workspace: "nope", clusters: ["west"] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(exposureApply(deps, { workspace: "nope", exposure: { mode: "all" } })).rejects.toMatchObject({ field: "workspace" });
    expect(deps.writerFor).not.toHaveBeenCalled();
  });
});
