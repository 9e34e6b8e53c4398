"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { MUTATION_HEADER, MUTATION_HEADER_VALUE } from "@/lib/http/mutation-header";
import type { Me, Role } from "@/server/auth/identity";
import { useTRPC } from "../trpc";

const ROLE_LABEL: Record<Role, string> = { viewer: "viewer", "app-owner": "app owner", "platform-owner": "platform owner" };

/**
 * The header's signed-in person (auth.me): who, their roles (global, then per workspace), and Sign out when there
 * is a session to end (mode oidc). Mode none shows nothing: the console then acts as this machine's kubeconfig user.
 * Roles only inform here; the server's role gate and the clusters' RBAC decide.
 */
export function UserMenu() {
  const trpc = useTRPC();
  const me = useQuery({ ...trpc.auth.me.queryOptions(), staleTime: 60_000 });
  if (!me.data || me.data.mode === "none" || me.data.user === undefined) return null;
  return (
    <section aria-label="Signed in" className="flex flex-wrap items-center gap-2 text-sm">
      <p className="font-medium text-frame-fg">
        <span className="sr-only">Signed in as </span>
        {me.data.user}
      </p>
      <RoleList me={me.data} />
      {me.data.logoutPath !== undefined && <SignOutButton path={me.data.logoutPath} />}
    </section>
  );
}

function RoleList({ me }: { me: Me }) {
  const scoped = Object.entries(me.workspaceRoles).flatMap(([ws, roles]) => roles.map((role) => `${ROLE_LABEL[role]} in ${ws}`));
  const labels = [...me.roles.map((role) => ROLE_LABEL[role]), ...scoped];
  return (
    <ul aria-label="Roles" className="flex flex-wrap gap-1">
      {labels.length === 0 && <li className="rounded-full border border-frame-edge px-2 py-0.5 text-xs text-frame-muted">no role</li>}
      {labels.map((label) => (
        <li key={label} className="rounded-full border border-sky-300/40 bg-sky-300/10 px-2 py-0.5 text-xs font-medium text-sky-100">
          {label}
        </li>
      ))}
    </ul>
  );
}

/** What the logout route may answer: where to go next (the IdP's end-session page, or the console's start page). */
function nextLocation(body: unknown): string {
  const location = typeof body === "object" && body !== null ? (body as { location?: unknown }).location : undefined;
  return typeof location === "string" && location.length > 0 ? location : "/";
}

/**
 * Sign out is a POST through the mutation guard (custom header, same Origin, JSON), like every state change: a page
 * on another site cannot end someone's session, and a GET (a prefetch, an <img>) cannot either.
 */
function SignOutButton({ path }: { path: string }) {
  const [state, setState] = useState<{ kind: "idle" | "pending" } | { kind: "failed"; message: string }>({ kind: "idle" });
  const signOut = async () => {
    setState({ kind: "pending" });
    try {
      const res = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json", [MUTATION_HEADER]: MUTATION_HEADER_VALUE }, body: "{}" });
      if (!res.ok) return setState({ kind: "failed", message: `Sign out failed (HTTP ${res.status}).` });
      window.location.assign(nextLocation(await res.json().catch(() => undefined)));
    } catch {
      setState({ kind: "failed", message: "Sign out failed: the console did not answer." });
    }
  };
  return (
    <>
      <button
        type="button"
        onClick={() => void signOut()}
        disabled={state.kind === "pending"}
        className="rounded-md border border-frame-edge px-3 py-1 text-xs font-medium text-frame-fg hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-300 disabled:opacity-60"
      >
        {state.kind === "pending" ? "Signing out…" : "Sign out"}
      </button>
      {state.kind === "failed" && (
        <p role="alert" className="text-xs text-rose-200">
          {state.message}
        </p>
      )}
    </>
  );
}
