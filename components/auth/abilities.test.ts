// What the buttons offer, table-driven: mode none and viewer actions always; a role globally or in the named
// workspace (by "<namespace>/<name>" or bare name); for a namespace without a named workspace, a role held in any
// workspace (the server decides which spans it); otherwise refused with the gate's own sentence.
import { describe, expect, it } from "vitest";
import type { Me } from "@/server/auth/identity";
import { abilityOf, type MeState, type Need } from "./abilities";

const me = (over: Partial<Me>): MeState => ({ status: "ready", me: { mode: "oidc", user: "victor", groups: [], roles: ["viewer"], workspaceRoles: {}, logoutPath: "/auth/logout", ...over } });
const DEPLOY: Need = { role: "platform-owner", action: "deploying gateways", scope: { kind: "workspace", workspace: "bookinfo-ws" } };
const DRILL: Need = { role: "app-owner", action: "starting a failover drill", scope: { kind: "namespace", cluster: "east", namespace: "bookinfo" } };

describe("abilityOf", () => {
  it.each([
    { name: "mode none offers everything", state: me({ mode: "none", roles: [] }), need: DEPLOY, allowed: true },
    { name: "no provider (a static render) offers, the server decides", state: { status: "absent" } as MeState, need: DEPLOY, allowed: true },
    { name: "a viewer action is offered to anyone signed in", state: me({ roles: [] }), need: { ...DEPLOY, role: "viewer" } as Need, allowed: true },
    { name: "a global platform owner deploys", state: me({ roles: ["platform-owner"] }), need: DEPLOY, allowed: true },
    { name: "a namespace/name key names the workspace", state: me({ workspaceRoles: { "bookinfo/bookinfo-ws": ["platform-owner"] } }), need: DEPLOY, allowed: true },
    { name: "a bare key names the workspace", state: me({ workspaceRoles: { "bookinfo-ws": ["platform-owner"] } }), need: DEPLOY, allowed: true },
    { name: "another workspace's role does not count", state: me({ workspaceRoles: { "bookinfo/other-bookinfo-ws": ["platform-owner"] } }), need: DEPLOY, allowed: false },
    { name: "a drill with the workspaces named counts only theirs", state: me({ workspaceRoles: { "x/other": ["app-owner"] } }), need: { ...DRILL, workspaces: ["bookinfo-ws"] }, allowed: false },
    { name: "a drill with no workspace named counts any workspace's role", state: me({ workspaceRoles: { "x/other": ["app-owner"] } }), need: DRILL, allowed: true },
    { name: "a platform owner is not an app owner", state: me({ roles: ["platform-owner"] }), need: DRILL, allowed: false },
    { name: "nothing is offered while auth.me loads", state: { status: "loading" } as MeState, need: DEPLOY, allowed: false },
    { name: "nothing is offered when auth.me is refused", state: { status: "error" } as MeState, need: DEPLOY, allowed: false },
  ])("$name", ({ state, need, allowed }) => {
    expect(abilityOf(state, need).allowed).toBe(allowed);
  });

  it("says why with the API's own sentence", () => {
    expect(abilityOf(me({}), DEPLOY)).toEqual({ allowed: false, reason: "You are signed in as victor (viewer); deploying gateways needs the platform-owner role in workspace bookinfo-ws." });
    expect(abilityOf({ status: "loading" }, DEPLOY)).toMatchObject({ allowed: false, pending: true });
    expect(abilityOf(me({ roles: [], workspaceRoles: { "bookinfo/bookinfo-ws": ["app-owner"] } }), DEPLOY)).toEqual({
      allowed: false,
      reason: "You are signed in as victor (app-owner); deploying gateways needs the platform-owner role in workspace bookinfo-ws.",
    });
  });
});
