// Writes made for a person: two people's identical clicks are two writes (each authorized and audited as its own
// person), one person's double click still one; a cluster's 403 is the request's 403 with nothing written, except
// in a multi-cluster deploy where another cluster did write (then per-cluster data with the refusal sentence).
import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/identity";
import type { ApplyOutcome, RemoveOutcome } from "@/server/kube/console-outcome";
import { exposureApply } from "./exposure-apply";
import { gatewayApply } from "./gateway-apply";
import { gatewayRemove } from "./gateway-remove";
import { demoSnapshot, fakeDeps, fakeWriter, type FakeWriter } from "./test/fake-deps";

const WS = "bookinfo-ws";
const person = (user: string): Actor => ({ mode: "oidc", identity: { user, groups: ["g"] }, roles: ["platform-owner"], workspaceRoles: {}, address: "127.0.0.1" });
const NO = "you may not patch ingressgateways.install.tetrate.io in west: ingressgateways.install.tetrate.io \"eastwest-gateway\" is forbidden";
const refused = { ok: false as const, kind: "rejected" as const, status: 403, message: NO };

/** A writer whose cluster refuses every write with 403 (its RBAC), recording what was asked. */
function refusingWriter(cluster: string, options?: Parameters<typeof fakeWriter>[1]): FakeWriter {
  const writer = fakeWriter(cluster, options);
  return {
    ...writer,
    apply: async (): Promise<ApplyOutcome> => (writer.calls.push("apply"), refused),
    remove: async (): Promise<RemoveOutcome> => (writer.calls.push("remove"), refused),
  };
}

describe("writes made for a person", () => {
  it("never coalesces two people's identical clicks; one person's double click stays one apply", async () => {
    const west = fakeWriter("west", { hold: true });
    const input = { workspace: WS, clusters: ["west"] };
    const base = fakeDeps(demoSnapshot(), { west });
    const runs = [gatewayApply({ ...base, actor: person("alice") }, input), gatewayApply({ ...base, actor: person("alice") }, input), gatewayApply({ ...base, actor: person("pat") }, input)];
    await expect.poll(() => west.calls.filter((c) => c === "apply").length, { timeout: 2_000, interval: 5 }).toBe(2);
    west.release();
    const [a, b, c] = await Promise.all(runs);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it("answers 403 naming each refusal when every chosen cluster refused the deploy", async () => {
    const deps = { ...fakeDeps(demoSnapshot(), { west: refusingWriter("west"), east: refusingWriter("east") }), actor: person("victor") };
    await expect(gatewayApply(deps, { workspace: WS, clusters: ["west", "east"] })).rejects.toMatchObject({ tag: "eastwest.Forbidden", field: "clusters", message: `${NO} ${NO}` });
  });

  it("keeps per-cluster data when another cluster did write", async () => {
    const deps = { ...fakeDeps(demoSnapshot(), { west: refusingWriter("west"), east: fakeWriter("east") }), actor: person("victor") };
    expect(await gatewayApply(deps, { workspace: WS, clusters: ["west", "east"] })).toEqual({ results: [{ cluster: "west", ok: false, kind: "rejected", message: NO }, { cluster: "east", ok: true }] });
  });

  it("answers 403 on workspace when the management cluster refuses an exposure change", async () => {
    const deps = { ...fakeDeps(demoSnapshot(), { west: refusingWriter("west") }), actor: person("victor") };
    const input = { workspace: WS, exposure: { mode: "selected" as const, services: ["details.bookinfo.svc.cluster.local"] } };
    await expect(exposureApply(deps, input)).rejects.toMatchObject({ tag: "eastwest.Forbidden", field: "workspace", message: NO });
  });

  it("answers 403 on cluster when the cluster refuses a removal", async () => {
    const live = {
      apiVersion: "install.tetrate.io/v1alpha1",
      kind: "IngressGateway",
      metadata: { name: "eastwest-gateway", namespace: "bookinfo", uid: "u1", resourceVersion: "7", labels: { "app.kubernetes.io/managed-by": "eastwest-console" }, managedFields: [{ manager: "eastwest-console", operation: "Apply" }] },
      spec: { eastWestOnly: true },
    };
    const west = refusingWriter("west", { live });
    const deps = { ...fakeDeps(demoSnapshot(), { west }), actor: person("victor") };
    await expect(gatewayRemove(deps, { workspace: WS, cluster: "west", namespace: "bookinfo", name: "eastwest-gateway" })).rejects.toMatchObject({ tag: "eastwest.Forbidden", field: "cluster", message: NO });
    expect(west.calls).toEqual(["get", "remove"]);
  });
});
