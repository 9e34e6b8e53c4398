// Which console roles a person's groups give them (EASTWEST_ROLES), globally and per workspace "<namespace>/<name>".
// The roles decide what the console offers and lets through; the clusters' RBAC, asked as the impersonated person,
// still has the last word on every write. Pure: parsing and mapping only (the setting is read in settings.ts).
import { z } from "zod";
import { ROLES, type Role } from "./identity";

const groupName = z.string().min(1).max(256);
const roleList = z.array(z.enum(ROLES)).min(1).max(ROLES.length);
const groupRoles = z.record(groupName, roleList);
// A Tetrate workspace as the console names it: its namespace and name (DNS labels/subdomains).
const workspaceKey = z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?\/[a-z0-9]([-.a-z0-9]*[a-z0-9])?$/, {
  error: 'a workspace is named "<namespace>/<name>" in lower case',
});

export const rolesConfigSchema = z
  .object({
    groups: groupRoles.default({}),
    workspaces: z.record(workspaceKey, z.object({ groups: groupRoles }).strict()).default({}),
  })
  .strict();

export type RolesConfig = z.infer<typeof rolesConfigSchema>;

/** Without EASTWEST_ROLES: the group names the docs and the lab's demo users use. */
export const DEFAULT_ROLES: RolesConfig = {
  groups: { "eastwest:viewers": ["viewer"], "eastwest:app-owners": ["app-owner"], "eastwest:platform-owners": ["platform-owner"] },
  workspaces: {},
};

export type GrantedRoles = { roles: Role[]; workspaceRoles: Record<string, Role[]> };

/** In ROLES order, so equal grants compare equal. */
const ordered = (granted: ReadonlySet<Role>): Role[] => ROLES.filter((r) => granted.has(r));

function union(groups: readonly string[], mapping: Readonly<Record<string, readonly Role[]>>): Set<Role> {
  const out = new Set<Role>();
  for (const g of groups) for (const r of mapping[g] ?? []) out.add(r);
  return out;
}

/**
 * Every signed-in person is a viewer (server/auth/identity.ts); groups add roles. A workspace entry lists only what
 * that workspace adds to the global roles, and only workspaces where it adds something.
 */
export function rolesFor(groups: readonly string[], config: RolesConfig): GrantedRoles {
  const global = union(groups, config.groups);
  global.add("viewer");
  const workspaceRoles: Record<string, Role[]> = {};
  for (const [workspace, entry] of Object.entries(config.workspaces)) {
    const extra = [...union(groups, entry.groups)].filter((r) => !global.has(r));
    if (extra.length > 0) workspaceRoles[workspace] = ordered(new Set(extra));
  }
  return { roles: ordered(global), workspaceRoles };
}

/** Whether the grant holds `role` everywhere, or in `workspace` ("<namespace>/<name>") when one is named. */
export function hasRole(granted: { roles: readonly Role[]; workspaceRoles: Readonly<Record<string, readonly Role[]>> }, role: Role, workspace?: string): boolean {
  if (granted.roles.includes(role)) return true;
  return workspace !== undefined && (granted.workspaceRoles[workspace]?.includes(role) ?? false);
}
