// What the signed-in person may do, for the buttons: the role gate's rule (server/routers/access/access-decision.ts)
// read against auth.me, with the gate's own refusal sentence, so a button that is not offered says exactly what
// the API would answer. The browser cannot see which workspaces span a namespace; with no workspace named, a role
// held in any workspace offers the action and the server decides (it answers 403 with the same sentence).
import type { Me, Role } from "@/server/auth/identity";
import { refusalMessage, rolesIn, type AccessScope } from "@/server/routers/access/access-decision";

/** auth.me as the page has it: loading, refused (not signed in), or the answer; `absent`: no provider mounted. */
export type MeState = { status: "absent" } | { status: "loading" } | { status: "error" } | { status: "ready"; me: Me };

/** An action's need: the role, what it does ("deploying gateways"), where, and the workspaces it concerns by name. */
export type Need = { role: Role; action: string; scope: AccessScope; workspaces?: readonly string[] };

/** `pending`: auth.me has not answered yet; the action waits, and the page says nothing visible about it. */
export type Ability = { allowed: true } | { allowed: false; reason: string; pending?: true };

const ALLOWED: Ability = { allowed: true };

/** A configured key ("<namespace>/<name>" or a bare name) that is this workspace's, by its name. */
const keyNames = (key: string, name: string) => key === name || key.endsWith(`/${name}`);

function keysFor(me: Me, need: Need): string[] {
  const keys = Object.keys(me.workspaceRoles);
  const names = need.workspaces ?? (need.scope.kind === "workspace" ? [need.scope.workspace] : undefined);
  if (names) return keys.filter((key) => names.some((name) => keyNames(key, name)));
  return need.scope.kind === "namespace" ? keys : [];
}

export function abilityOf(state: MeState, need: Need): Ability {
  switch (state.status) {
    // Rendered without the provider (a static render): the server's gate still has the last word.
    case "absent":
      return ALLOWED;
    case "loading":
      return { allowed: false, reason: "Checking what you may do…", pending: true };
    case "error":
      return { allowed: false, reason: "You are not signed in, or your session ended: sign in again to do this." };
    case "ready":
      break;
  }
  const { me } = state;
  if (me.mode === "none" || need.role === "viewer") return ALLOWED;
  const held = rolesIn(me, keysFor(me, need));
  if (held.includes(need.role)) return ALLOWED;
  return { allowed: false, reason: refusalMessage(me.user ?? "an unknown user", held, need, need.scope) };
}
