// Router `auth`: who the browser's person is, for the header and for hiding what they may not do. Roles decide
// nothing here; the role gate (server/trpc.ts) and the clusters' RBAC do.
import type { Me } from "@/server/auth/identity";
import { ROLES } from "@/server/auth/identity";
import { createTRPCRouter, viewerProcedure } from "@/server/trpc";

export const authRouter = createTRPCRouter({
  me: viewerProcedure.query(({ ctx }): Me => {
    const actor = ctx.actor;
    // Mode none: one person on this machine, acting with the kubeconfig's own credentials.
    if (!actor) return { mode: "none", user: undefined, groups: [], roles: [...ROLES], workspaceRoles: {}, logoutPath: undefined };
    return {
      mode: actor.mode,
      user: actor.identity?.user,
      groups: actor.identity?.groups ?? [],
      roles: actor.roles,
      workspaceRoles: actor.workspaceRoles,
      logoutPath: actor.mode === "oidc" ? "/auth/logout" : undefined,
    };
  }),
});
