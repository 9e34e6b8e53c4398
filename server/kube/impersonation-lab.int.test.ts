// Integration (issue 14): writes made for a person reach the lab's clusters as that person. The lab authenticates
// the console (kubernetes-admin, system:masters: it may impersonate), then evaluates its RBAC for the impersonated
// user; its audit trail and managedFields say who wrote. A platform owner's deploy is written; a person whom the
// lab's RBAC refuses (though the console's own role would allow it) gets 403 "you may not …" and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/identity";
import type { AuditEntry } from "@/server/audit/types";
import { startRegistryLab, type RegistryLab } from "@/server/registry/test/lab-fixture";
import { startSyncedFleet, type SyncedFleet } from "@/server/testing/synced-fleet";
import { exposureApply } from "@/server/workspaces/exposure-apply";
import { gatewayApply } from "@/server/workspaces/gateway-apply";
import { gatewayPreview } from "@/server/workspaces/gateway-preview";
import { gatewayRemove } from "@/server/workspaces/gateway-remove";
import { workspaceDepsFrom } from "@/server/workspaces/production-deps";
import { createDrillClient } from "./drill-client";

const WS = "bookinfo-ws";
/** Console roles allow everything: only the clusters' RBAC (the lab's demo users, lab/scenarios/lab-users.ts) decides. */
const person = (user: string, groups: string[]): Actor => ({ mode: "oidc", identity: { user, groups }, roles: ["viewer", "app-owner", "platform-owner"], workspaceRoles: {}, address: "192.0.2.10" });
const platformOwner = person("platform-owner", []);
const viewer = person("viewer", ["eastwest:viewers"]);
const appOwner = person("app-owner", ["eastwest:app-owners"]);

let env: RegistryLab;
let fleet: SyncedFleet;
const recorded: AuditEntry[] = [];
const audit = { record: (e: AuditEntry) => void recorded.push(e) };
const depsFor = (actor: Actor) => workspaceDepsFrom(fleet, undefined, undefined, { actor, audit });

beforeAll(async () => {
  process.env.EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES = "true";
  env = await startRegistryLab();
  fleet = await startSyncedFleet(env.lab.kubeconfigPath, 3);
}, 60_000);
afterAll(async () => {
  fleet?.stop();
  await env?.stop();
});

type Live = { metadata: { managedFields?: { manager?: string; operation?: string }[] } };
const gateway = (cluster: string, name: string) => env.kubectl(cluster, ["get", "ingressgateways.install.tetrate.io", name, "-n", "bookinfo", "-o", "json", "--show-managed-fields"]).then((o) => JSON.parse(o) as Live);
const trail = (cluster: string, resource: string) => env.lab.audit(cluster).filter((e) => e.resource === resource);

describe("writes made for a person, against the lab", () => {
  it("a platform owner's deploy is written as them: the lab's audit names them, impersonated by the console's user", async () => {
    const applied = await gatewayApply(depsFor(platformOwner), { workspace: WS, clusters: ["west", "east"], name: "owner-gateway" });
    expect(applied.results).toEqual([{ cluster: "west", ok: true }, { cluster: "east", ok: true }]);
    for (const cluster of ["west", "east"]) {
      const written = () => trail(cluster, "ingressgateways").filter((e) => e.name === "owner-gateway" && e.verb === "patch");
      // The lab records a request when its response has finished, which the client may see a moment earlier.
      await expect.poll(() => written().map((e) => [e.user.name, e.impersonatedBy?.name, e.code]), { timeout: 5_000, interval: 20 }).toEqual([["platform-owner", "kubernetes-admin", 201]]);
      expect(written()[0]?.user.groups).toEqual(["system:authenticated"]);
      expect((await gateway(cluster, "owner-gateway")).metadata.managedFields).toContainEqual(expect.objectContaining({ manager: "eastwest-console", operation: "Apply" }));
    }
    expect(recorded.filter((e) => e.object.name === "owner-gateway").map((e) => [e.cluster, e.verb, e.outcome, e.actor?.identity?.user])).toEqual([
      ["west", "apply", "ok", "platform-owner"],
      ["east", "apply", "ok", "platform-owner"],
    ]);
  });

  it("a viewer's preview shows the refusal; their deploy is a 403 naming what they may not do, and nothing is written", async () => {
    const preview = await gatewayPreview(depsFor(viewer), { workspace: WS, clusters: ["west"], name: "viewer-gateway" });
    expect(preview.clusters[0]?.dryRun).toMatchObject({ ok: false, kind: "rejected", message: expect.stringMatching(/^you may not patch ingressgateways\.install\.tetrate\.io in west: /) });
    const refused = gatewayApply(depsFor(viewer), { workspace: WS, clusters: ["west", "east"], name: "viewer-gateway" });
    await expect(refused).rejects.toMatchObject({
      tag: "eastwest.Forbidden",
      field: "clusters",
      // The cluster's own reason is kept: which user, verb, resource and namespace its RBAC judged.
      message: expect.stringMatching(/^you may not patch ingressgateways\.install\.tetrate\.io in west: .*User "viewer" cannot patch resource "ingressgateways" in API group "install\.tetrate\.io" in the namespace "bookinfo"/),
    });
    for (const cluster of ["west", "east"]) {
      await expect(gateway(cluster, "viewer-gateway")).rejects.toThrow(/NotFound|not found/);
      await expect.poll(() => trail(cluster, "ingressgateways").filter((e) => e.name === "viewer-gateway").map((e) => [e.user.name, e.code]), { timeout: 5_000, interval: 20 }).toContainEqual(["viewer", 403]);
    }
    expect(recorded.filter((e) => e.object.name === "viewer-gateway").map((e) => [e.cluster, e.outcome])).toEqual([["west", "refused"], ["east", "refused"]]);
  });

  it("a viewer's removal of the platform owner's gateway is a 403 on the cluster; the gateway stays", async () => {
    const input = { workspace: WS, cluster: "west", namespace: "bookinfo", name: "owner-gateway" };
    await expect(gatewayRemove(depsFor(viewer), input)).rejects.toMatchObject({ tag: "eastwest.Forbidden", field: "cluster", message: expect.stringMatching(/^you may not delete ingressgateways\.install\.tetrate\.io in west: /) });
    expect((await gateway("west", "owner-gateway")).metadata.managedFields).toContainEqual(expect.objectContaining({ manager: "eastwest-console" }));
    expect(recorded.filter((e) => e.verb === "delete").map((e) => [e.cluster, e.object.name, e.outcome, e.actor?.identity?.user])).toEqual([["west", "owner-gateway", "refused", "viewer"]]);
  });

  it("a viewer's exposure change is a 403 on the workspace, and the WorkspaceSetting stays as it was", async () => {
    const before = await env.kubectl("west", ["get", "workspacesettings.settings.tetrate.io", "-n", "bookinfo", "-o", "json"]);
    const input = { workspace: WS, exposure: { mode: "selected" as const, services: ["details.bookinfo.svc.cluster.local"] } };
    await expect(exposureApply(depsFor(viewer), input)).rejects.toMatchObject({ tag: "eastwest.Forbidden", field: "workspace", message: expect.stringMatching(/^you may not patch workspacesettings\.settings\.tetrate\.io in west: /) });
    expect(await env.kubectl("west", ["get", "workspacesettings.settings.tetrate.io", "-n", "bookinfo", "-o", "json"])).toBe(before);
  });

  it("drill objects: an app owner creates one as themselves; a viewer is refused in their words", async () => {
    const west = env.handles.find((h) => h.name === "west");
    if (!west) throw new Error("no west");
    const installed = await createDrillClient(west, { timeoutMs: 5_000 })?.drills.installCrd();
    expect(installed?.ok).toBe(true);
    const spec = { service: "details", fault: "ScaleToZero" as const, maxDuration: "2m", stopCondition: { errorRateAbove: 0.5, forSeconds: 10 }, abort: false };
    const asOwner = createDrillClient(west, { timeoutMs: 5_000, actor: appOwner });
    await expect.poll(async () => (await asOwner?.drills.crdInstalled("bookinfo"))?.ok && (await asOwner?.drills.create({ namespace: "bookinfo", name: "owner-drill", spec }))?.ok, { timeout: 5_000, interval: 50 }).toBe(true);
    await expect.poll(() => trail("west", "failoverdrills").filter((e) => e.name === "owner-drill" && e.code < 300).map((e) => [e.user.name, e.impersonatedBy?.name]), { timeout: 5_000, interval: 20 }).toContainEqual(["app-owner", "kubernetes-admin"]);
    const asViewer = await createDrillClient(west, { timeoutMs: 5_000, actor: viewer })?.drills.create({ namespace: "bookinfo", name: "viewer-drill", spec });
    expect(asViewer).toMatchObject({ ok: false, status: 403, message: expect.stringMatching(/^you may not (patch|create) failoverdrills\.eastwest\.dev in west: /) });
    await expect(env.kubectl("west", ["get", "failoverdrills.eastwest.dev", "viewer-drill", "-n", "bookinfo"])).rejects.toThrow(/NotFound|not found/);
  });
});
