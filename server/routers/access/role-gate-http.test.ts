// The role gate over HTTP (the real tRPC handler, as the Next route runs it): a viewer's write is 403 with a
// sentence naming the user, the role needed and the workspace (and the field), and nothing is asked of a cluster;
// a request without a signed-in person is 401; a role held in the workspace (by "<namespace>/<name>" or by name)
// passes the gate for that workspace and the namespaces it spans only, where the procedure's own rules take over.
import { describe, expect, it, vi } from "vitest";
import { obj } from "@/lib/fleet/snapshot-fixtures";
import type { Actor } from "@/server/auth/identity";
import type { DrillService } from "@/server/drills/types";
import { errorOf, fakeFleet, post } from "@/server/http/test/handler-fixture";
import { createStreamSlots } from "@/server/http/stream-slots";
import { createTrpcHandler } from "@/server/http/trpc-handler";
import { demoSnapshot } from "@/server/workspaces/test/fake-deps";
import { appRouter } from "../app-router";
import { actor, anonymous } from "./test/actors";

function drillsSpy() {
  const started = { ok: true as const, ref: { cluster: "east", namespace: "bookinfo", name: "details-1" } };
  return {
    list: vi.fn(() => ({ drills: [], stale: [] })),
    get: vi.fn(() => undefined),
    plan: vi.fn(async () => ({ ok: false as const, refusal: { code: "unknown-service" as const, message: "no" } })),
    start: vi.fn(async () => started),
    abort: vi.fn(async () => ({ ok: true as const })),
    version: () => 0,
    onChange: () => () => undefined,
  } satisfies DrillService;
}

/** The demo fleet plus a workspace that spans only west's `other` namespace. */
const withWestOnly = () => demoSnapshot({ west: [obj("Workspace", "west-ws", { namespace: "other", spec: { namespaceSelector: { names: ["west/other"] } } })] });

function setup(who: Actor, snapshot = demoSnapshot()) {
  const fleet = fakeFleet(snapshot);
  const drills = drillsSpy();
  const handle = createTrpcHandler({ router: appRouter, slots: createStreamSlots({ perClient: 8, total: 256 }), createContext: () => ({ fleet, drills, actor: who }) });
  return { fleet, drills, handle };
}

const DEPLOY = { workspace: "bookinfo-ws", name: "Bad_Name", clusters: ["west"] };
const DRILL = { cluster: "east", namespace: "bookinfo", service: "details" };

describe("the role gate over HTTP", () => {
  it("refuses a viewer's gateway deployment with 403 naming user, role and workspace, and asks no cluster", async () => {
    const { fleet, handle } = setup(actor("victor", { roles: ["viewer"] }));
    const answer = await errorOf(await handle(post("workspace.gatewayApply", DEPLOY)));
    const sentence = "You are signed in as victor (viewer); deploying gateways needs the platform-owner role in workspace bookinfo-ws.";
    expect(answer.status).toBe(403);
    expect(answer.error.message).toBe(sentence);
    expect(answer.error.data.fieldErrors).toEqual([{ field: "workspace", message: sentence }]);
    expect(fleet.handle).not.toHaveBeenCalled();
  });

  it("answers 401 to a request without a signed-in person, reads included", async () => {
    const { handle } = setup(anonymous("proxy"));
    const answer = await errorOf(await handle(post("workspace.gatewayApply", DEPLOY)));
    expect(answer.status).toBe(401);
    expect(answer.error.message).toMatch(/not signed in/);
  });

  it.each([
    { key: "bookinfo/bookinfo-ws" },
    { key: "bookinfo-ws" },
  ])("lets a platform owner of $key through the gate to the procedure's own checks", async ({ key }) => {
    const { handle } = setup(actor("pat", { workspaceRoles: { [key]: ["platform-owner"] } }));
    const answer = await errorOf(await handle(post("workspace.gatewayApply", DEPLOY)));
    // Past the gate: the input schema's 400 on the bad gateway name, not a 403.
    expect(answer.status).toBe(400);
    expect(answer.error.data.fieldErrors).toContainEqual({ field: "name", message: expect.any(String) });
  });

  it("holds a workspace's platform owner to that workspace", async () => {
    const { handle } = setup(actor("pat", { workspaceRoles: { "other/other-ws": ["platform-owner"] } }));
    const answer = await errorOf(await handle(post("workspace.gatewayApply", DEPLOY)));
    expect(answer.status).toBe(403);
    expect(answer.error.message).toBe("You are signed in as pat (viewer); deploying gateways needs the platform-owner role in workspace bookinfo-ws.");
  });

  it("holds a workspace's platform owner to the clusters it spans", async () => {
    const { fleet, handle } = setup(actor("pat", { roles: ["viewer"], workspaceRoles: { "other/west-ws": ["platform-owner"] } }), withWestOnly());
    const deploy = { workspace: "west-ws", name: "Bad_Name", clusters: ["west", "east"] };
    const outside = await errorOf(await handle(post("workspace.gatewayApply", deploy)));
    expect(outside.status).toBe(403);
    expect(outside.error.message).toBe("You are signed in as pat (viewer, platform-owner); deploying gateways in east needs the platform-owner role there, and workspace west-ws, where you hold it, does not span east.");
    expect(outside.error.data.fieldErrors).toEqual([{ field: "clusters", message: outside.error.message }]);
    const remove = await errorOf(await handle(post("workspace.gatewayRemove", { workspace: "west-ws", cluster: "east", namespace: "other", name: "eastwest-gateway" })));
    expect(remove.status).toBe(403);
    expect(remove.error.data.fieldErrors).toEqual([{ field: "cluster", message: expect.stringContaining("does not span east") }]);
    expect(fleet.handle).not.toHaveBeenCalled();
    // Its own cluster: past the gate, to the input schema's 400.
    expect((await errorOf(await handle(post("workspace.gatewayApply", { ...deploy, clusters: ["west"] })))).status).toBe(400);
  });

  it("lets an app owner of the workspace start a drill in a namespace it spans, and nowhere else", async () => {
    const { drills, handle } = setup(actor("annie", { workspaceRoles: { "bookinfo/bookinfo-ws": ["app-owner"] } }));
    const res = await handle(post("drills.start", DRILL));
    expect(res.status).toBe(200);
    expect(drills.start).toHaveBeenCalledTimes(1);
    const outside = await errorOf(await handle(post("drills.start", { ...DRILL, namespace: "other" })));
    expect(outside.status).toBe(403);
    expect(outside.error.message).toBe("You are signed in as annie (viewer); starting a failover drill needs the app-owner role in a workspace spanning namespace other of cluster east.");
    expect(outside.error.data.fieldErrors).toEqual([{ field: "namespace", message: outside.error.message }]);
    expect(drills.start).toHaveBeenCalledTimes(1);
  });

  it("does not count a platform owner as an app owner", async () => {
    const { drills, handle } = setup(actor("alice", { roles: ["platform-owner"] }));
    const answer = await errorOf(await handle(post("drills.abort", { cluster: "east", namespace: "bookinfo", name: "details-1" })));
    expect(answer.status).toBe(403);
    expect(answer.error.message).toBe("You are signed in as alice (platform-owner); aborting a failover drill needs the app-owner role in a workspace spanning namespace bookinfo of cluster east.");
    expect(drills.abort).not.toHaveBeenCalled();
  });
});
