// The role gate's decision, table-driven: mode none allows all, no identity is 401, viewer procedures are open to
// anyone signed in, owner roles count globally or in a workspace of the scope (and never as a ladder), and the
// refusal names the user, what they hold, the role needed and where. `keysOf` is asked only when it can matter.
import { describe, expect, it, vi } from "vitest";
import type { Actor } from "@/server/auth/identity";
import { decideAccess, type AccessDecision, type AccessRule, type AccessScope } from "./access-decision";
import { actor, anonymous } from "./test/actors";

const DEPLOY: AccessRule = { role: "platform-owner", action: "deploying gateways" };
const DRILL: AccessRule = { role: "app-owner", action: "starting a failover drill" };
const LOOK: AccessRule = { role: "viewer", action: "reading" };
const WS: AccessScope = { kind: "workspace", workspace: "bookinfo-ws" };
const NS: AccessScope = { kind: "namespace", cluster: "east", namespace: "bookinfo" };
const FLEET: AccessScope = { kind: "fleet" };
/** The demo workspace's keys, as the fleet model gives them, for any scope naming it or its namespace. */
const DEMO_KEYS = ["bookinfo/bookinfo-ws", "bookinfo-ws"];

type Row = { name: string; who: Actor | undefined; rule: AccessRule; scope: AccessScope; keys?: string[]; outside?: string[]; expected: AccessDecision; asksKeys: boolean };

const refused = (field: string, message: string): AccessDecision => ({ ok: false, status: "forbidden", field, message });
const OK: AccessDecision = { ok: true };

const ROWS: Row[] = [
  { name: "mode none (no actor) holds every role", who: undefined, rule: DEPLOY, scope: WS, expected: OK, asksKeys: false },
  { name: "an actor in mode none holds every role", who: { ...anonymous(), mode: "none" }, rule: DEPLOY, scope: WS, expected: OK, asksKeys: false },
  {
    name: "no identity in mode oidc is not signed in, even to look",
    who: anonymous("oidc"),
    rule: LOOK,
    scope: FLEET,
    expected: { ok: false, status: "unauthenticated", message: "You are not signed in: sign in to use the console." },
    asksKeys: false,
  },
  { name: "no identity in mode proxy is not signed in", who: anonymous("proxy"), rule: DEPLOY, scope: WS, expected: { ok: false, status: "unauthenticated", message: expect.stringContaining("not signed in") as string }, asksKeys: false },
  { name: "anyone signed in may look, with no role at all", who: actor("nobody"), rule: LOOK, scope: FLEET, expected: OK, asksKeys: false },
  { name: "a global platform owner deploys anywhere", who: actor("alice", { roles: ["platform-owner"] }), rule: DEPLOY, scope: WS, expected: OK, asksKeys: false },
  {
    name: "a viewer may not deploy gateways",
    who: actor("alice", { roles: ["viewer"] }),
    rule: DEPLOY,
    scope: WS,
    expected: refused("workspace", "You are signed in as alice (viewer); deploying gateways needs the platform-owner role in workspace bookinfo-ws."),
    asksKeys: false,
  },
  {
    name: "roles are not a ladder: a platform owner may not start drills",
    who: actor("alice", { roles: ["viewer", "platform-owner"] }),
    rule: DRILL,
    scope: NS,
    expected: refused("namespace", "You are signed in as alice (viewer, platform-owner); starting a failover drill needs the app-owner role in a workspace spanning namespace bookinfo of cluster east."),
    asksKeys: false,
  },
  {
    name: "a platform owner of the workspace (namespace/name key) deploys there",
    who: actor("pat", { workspaceRoles: { "bookinfo/bookinfo-ws": ["platform-owner"] } }),
    rule: DEPLOY,
    scope: WS,
    keys: DEMO_KEYS,
    expected: OK,
    asksKeys: true,
  },
  {
    name: "a platform owner of another workspace may not deploy here",
    who: actor("pat", { roles: ["viewer"], workspaceRoles: { "other/other-ws": ["platform-owner"] } }),
    rule: DEPLOY,
    scope: WS,
    keys: [],
    expected: refused("workspace", "You are signed in as pat (viewer); deploying gateways needs the platform-owner role in workspace bookinfo-ws."),
    asksKeys: true,
  },
  {
    name: "an app owner of the workspace spanning the namespace starts drills there",
    who: actor("annie", { workspaceRoles: { "bookinfo-ws": ["app-owner"] } }),
    rule: DRILL,
    scope: NS,
    keys: DEMO_KEYS,
    expected: OK,
    asksKeys: true,
  },
  {
    name: "the refusal lists the roles held in the workspace too",
    who: actor("annie", { roles: ["viewer"], workspaceRoles: { "bookinfo/bookinfo-ws": ["app-owner"] } }),
    rule: DEPLOY,
    scope: WS,
    keys: DEMO_KEYS,
    expected: refused("workspace", "You are signed in as annie (viewer, app-owner); deploying gateways needs the platform-owner role in workspace bookinfo-ws."),
    asksKeys: true,
  },
  {
    name: "a workspace's platform owner reaches only the clusters it spans",
    who: actor("pat", { roles: ["viewer"], workspaceRoles: { "bookinfo/bookinfo-ws": ["platform-owner"] } }),
    rule: DEPLOY,
    scope: { ...WS, targets: { field: "clusters", names: ["west", "north"] } },
    keys: DEMO_KEYS,
    outside: ["north"],
    expected: refused("clusters", "You are signed in as pat (viewer, platform-owner); deploying gateways in north needs the platform-owner role there, and workspace bookinfo-ws, where you hold it, does not span north."),
    asksKeys: true,
  },
  {
    name: "a global platform owner reaches every cluster",
    who: actor("alice", { roles: ["platform-owner"], workspaceRoles: { "bookinfo/bookinfo-ws": ["app-owner"] } }),
    rule: DEPLOY,
    scope: { ...WS, targets: { field: "clusters", names: ["north"] } },
    expected: OK,
    asksKeys: false,
  },
  {
    name: "input naming no workspace needs the role globally, whatever the workspace roles",
    who: actor("pat", { workspaceRoles: { "bookinfo/bookinfo-ws": ["platform-owner"] } }),
    rule: DEPLOY,
    scope: FLEET,
    expected: refused("(input)", "You are signed in as pat (viewer); deploying gateways needs the platform-owner role."),
    asksKeys: false,
  },
];

describe("decideAccess", () => {
  it.each(ROWS)("$name", async ({ who, rule, scope, keys, outside, expected, asksKeys }) => {
    const keysOf = vi.fn(async () => ({ keys: keys ?? [], outside: outside ?? [] }));
    expect(await decideAccess(who, rule, scope, keysOf)).toEqual(expected);
    expect(keysOf).toHaveBeenCalledTimes(asksKeys ? 1 : 0);
    if (asksKeys && who) expect(keysOf).toHaveBeenCalledWith(scope, Object.keys(who.workspaceRoles));
  });

  it("cuts a very long user name in the refusal", async () => {
    const decision = await decideAccess(actor("x".repeat(5000), { roles: ["viewer"] }), DEPLOY, WS, async () => ({ keys: [], outside: [] }));
    expect(decision.ok).toBe(false);
    if (!decision.ok) expect(decision.message.length).toBeLessThan(300);
  });
});
