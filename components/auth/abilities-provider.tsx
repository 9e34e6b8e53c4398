"use client";

import { useQuery } from "@tanstack/react-query";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { useTRPC } from "../trpc";
import { abilityOf, type Ability, type MeState, type Need } from "./abilities";

export type Abilities = { state: MeState; can: (need: Need) => Ability };

const ABSENT: Abilities = { state: { status: "absent" }, can: (need) => abilityOf({ status: "absent" }, need) };
const AbilitiesContext = createContext<Abilities>(ABSENT);

/** Roles change with a new session, not while a page is open: one auth.me per minute at most, never retried on 401. */
const ME_STALE_MS = 60_000;

/** Reads auth.me once for the whole page (mounted in components/providers.tsx, inside the tRPC provider). */
export function AbilitiesProvider({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: ME_STALE_MS, retry: false }));
  const state = useMemo<MeState>(() => (me.data ? { status: "ready", me: me.data } : me.error ? { status: "error" } : { status: "loading" }), [me.data, me.error]);
  return <AbilitiesFor state={state}>{children}</AbilitiesFor>;
}

/** Abilities from a given auth.me state: the provider's, or a static render's (tests). */
export function AbilitiesFor({ state, children }: { state: MeState; children: ReactNode }) {
  const value = useMemo<Abilities>(() => ({ state, can: (need) => abilityOf(state, need) }), [state]);
  return <AbilitiesContext.Provider value={value}>{children}</AbilitiesContext.Provider>;
}

/** What the signed-in person may do here; `can(need)` says why not when they may not. */
export function useAbilities(): Abilities {
  return useContext(AbilitiesContext);
}
