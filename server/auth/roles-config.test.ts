import { describe, expect, it } from "vitest";
import { DEFAULT_ROLES, hasRole, rolesConfigSchema, rolesFor, type RolesConfig } from "./roles-config";

const config: RolesConfig = rolesConfigSchema.parse({
  groups: { ops: ["platform-owner"], devs: ["app-owner"] },
  workspaces: { "tetrate/bookinfo": { groups: { "team-bookinfo": ["app-owner"], devs: ["app-owner", "platform-owner"] } } },
});

describe("rolesFor", () => {
  it.each<[string, string[], ReturnType<typeof rolesFor>]>([
    ["no group: viewer only", [], { roles: ["viewer"], workspaceRoles: {} }],
    ["an unknown group: viewer only", ["nobody"], { roles: ["viewer"], workspaceRoles: {} }],
    ["a global group", ["ops"], { roles: ["viewer", "platform-owner"], workspaceRoles: {} }],
    ["a workspace group", ["team-bookinfo"], { roles: ["viewer"], workspaceRoles: { "tetrate/bookinfo": ["app-owner"] } }],
    ["a workspace grant lists only what it adds", ["devs"], { roles: ["viewer", "app-owner"], workspaceRoles: { "tetrate/bookinfo": ["platform-owner"] } }],
    ["several groups add up", ["ops", "devs"], { roles: ["viewer", "app-owner", "platform-owner"], workspaceRoles: {} }],
  ])("%s", (_name, groups, expected) => {
    expect(rolesFor(groups, config)).toEqual(expected);
  });

  it("maps the default groups", () => {
    expect(rolesFor(["eastwest:app-owners"], DEFAULT_ROLES).roles).toEqual(["viewer", "app-owner"]);
  });
});

describe("hasRole", () => {
  const granted = rolesFor(["team-bookinfo"], config);
  it.each<[Parameters<typeof hasRole>[1], string | undefined, boolean]>([
    ["viewer", undefined, true],
    ["app-owner", undefined, false],
    ["app-owner", "tetrate/bookinfo", true],
    ["app-owner", "tetrate/reviews", false],
    ["platform-owner", "tetrate/bookinfo", false],
  ])("%s in %s → %s", (role, workspace, expected) => {
    expect(hasRole(granted, role, workspace)).toBe(expected);
  });
});

describe("rolesConfigSchema", () => {
  it.each([
    ["an unknown role", { groups: { a: ["admin"] } }],
    ["an empty role list", { groups: { a: [] } }],
    ["a workspace without a namespace", { workspaces: { bookinfo: { groups: {} } } }],
    ["an unknown key", { group: {} }],
  ])("refuses %s", (_name, value) => {
    expect(rolesConfigSchema.safeParse(value).success).toBe(false);
  });
});
