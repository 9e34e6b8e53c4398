// The actor of the request a server component renders for (server/rsc.ts's tRPC context), read from the same
// headers and cookie as the tRPC route. proxy.ts has already sent people without a session to the sign-in, so a
// failure here is a session that ended mid-request: it throws (the page's error boundary shows it) rather than
// answering "no actor", which would mean mode none (every role).
import "server-only";
import { headers } from "next/headers";
import { serverEnv } from "@/server/env";
import type { Actor } from "./identity";
import { resolveActor } from "./resolve-actor";

export async function requestActor(): Promise<Actor | undefined> {
  const resolved = await resolveActor(await headers(), serverEnv().auth);
  if (!resolved.ok) throw new Error(resolved.message);
  return resolved.actor;
}
