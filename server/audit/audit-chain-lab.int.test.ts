// The whole "who did what" chain against the lab, through the API as the page calls it: a person's gateway deploy
// (workspace.gatewayApply with ctx.actor and the runtime's kind of sink) is written as them, recorded as an Event on
// the very object (its uid), and audit.recent on the workspace names them, with the refusal of a person the lab's
// RBAC forbids beside it. A drill's page reads only that drill's records.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/identity";
import { startRegistryLab, type RegistryLab } from "@/server/registry/test/lab-fixture";
import { appRouter } from "@/server/routers/app-router";
import { startSyncedFleet, type SyncedFleet } from "@/server/testing/synced-fleet";
import { createCallerFactory } from "@/server/trpc";
import { createAuditSink, type RunningAuditSink } from "./sink";

const WS = "bookinfo-ws";
/** The console's roles allow everything here: the lab's RBAC decides (lab/scenarios/lab-users.ts). */
const person = (user: string, groups: string[], address: string): Actor => ({ mode: "oidc", identity: { user, groups }, roles: ["viewer", "app-owner", "platform-owner"], workspaceRoles: {}, address });

let env: RegistryLab;
let fleet: SyncedFleet;
let sink: RunningAuditSink;
const lines: string[] = [];
const callerFor = (actor: Actor) => createCallerFactory(appRouter)({ fleet, actor, audit: sink });

beforeAll(async () => {
  process.env.EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES = "true";
  env = await startRegistryLab();
  fleet = await startSyncedFleet(env.lab.kubeconfigPath, 3);
  sink = createAuditSink({ log: (l) => lines.push(l), instance: "chain-test", handle: fleet.handle });
}, 60_000);
afterAll(async () => {
  await sink?.drain();
  fleet?.stop();
  await env?.stop();
});

describe("who did what, through the API", () => {
  it("a deploy and a refusal show on the workspace's activity with who and from where", async () => {
    const owner = callerFor(person("platform-owner", [], "192.0.2.20"));
    const applied = await owner.workspace.gatewayApply({ workspace: WS, clusters: ["west"], name: "chain-gateway" });
    expect(applied.results).toEqual([{ cluster: "west", ok: true }]);
    await expect(callerFor(person("viewer", ["eastwest:viewers"], "192.0.2.21")).workspace.gatewayApply({ workspace: WS, clusters: ["west"], name: "chain-refused" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await sink.drain();
    expect(lines.filter((l) => l.startsWith("audit:"))).toEqual([]);

    const recent = await owner.audit.recent({ scope: "workspace", workspace: WS });
    const about = (name: string) => recent.records.filter((r) => r.object.name === name);
    const uid = (await env.kubectl("west", ["get", "ingressgateways.install.tetrate.io", "chain-gateway", "-n", "bookinfo", "-o", "jsonpath={.metadata.uid}"])).trim();
    expect(about("chain-gateway").map((r) => [r.cluster, r.user, r.verb, r.outcome, r.address, r.object.uid])).toEqual([["west", "platform-owner", "apply", "ok", "192.0.2.20", uid]]);
    expect(about("chain-refused").map((r) => [r.cluster, r.user, r.verb, r.outcome, r.address])).toEqual([["west", "viewer", "apply", "refused", "192.0.2.21"]]);
    expect(about("chain-refused")[0]?.detail).toMatch(/^you may not patch ingressgateways\.install\.tetrate\.io in west: /);
    // The Event sits on the object: kubectl describe's selector finds it by the object's uid.
    const onObject = await env.kubectl("west", ["get", "events", "-n", "bookinfo", "--field-selector", `involvedObject.uid=${uid}`, "-o", "jsonpath={.items[*].reason}"]);
    expect(onObject.trim()).toBe("ConsoleApplied");
    expect(recent.problems).toEqual([]);
  });

  it("a drill's records are that drill's only", async () => {
    const recent = await callerFor(person("viewer", ["eastwest:viewers"], "192.0.2.22")).audit.recent({ scope: "drill", cluster: "west", namespace: "bookinfo", name: "no-such-drill" });
    expect(recent).toEqual({ records: [], more: false, problems: [] });
  });
});
