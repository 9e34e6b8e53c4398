// Test support: actors as server/auth would build them, for the role gate's tests.
import type { Actor, AuthMode, Role } from "@/server/auth/identity";

type ActorOptions = { roles?: readonly Role[]; workspaceRoles?: Record<string, readonly Role[]>; mode?: AuthMode; groups?: readonly string[] };

/** A signed-in person (mode oidc unless told). */
export function actor(user: string, options: ActorOptions = {}): Actor {
  return {
    mode: options.mode ?? "oidc",
    identity: { user, groups: options.groups ?? [] },
    roles: options.roles ?? [],
    workspaceRoles: options.workspaceRoles ?? {},
    address: "127.0.0.1",
  };
}

/** A request in mode oidc or proxy that carries no identity (no session, an untrusted proxy): not signed in. */
export function anonymous(mode: AuthMode = "oidc"): Actor {
  return { mode, identity: undefined, roles: [], workspaceRoles: {}, address: "127.0.0.1" };
}

/** Victor may only look, globally and in the demo workspace. */
export const VIEWER = actor("victor", { roles: ["viewer"], workspaceRoles: { "bookinfo/bookinfo-ws": ["viewer"] } });
