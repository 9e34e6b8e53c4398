import { TRPCError } from "@trpc/server";
import { resolveActor, type ActorResult } from "@/server/auth/resolve-actor";
import { serverEnv } from "@/server/env";
import { MAX_STREAMS_PER_CLIENT, MAX_STREAMS_TOTAL } from "@/lib/validation/limits";
import { createStreamSlots } from "@/server/http/stream-slots";
import { createTrpcHandler } from "@/server/http/trpc-handler";
import { appRouter } from "@/server/routers/app-router";
import { getRuntime } from "@/server/runtime";
import type { Context } from "@/server/trpc";

// One count of open SSE streams per route module: subscriptions are served only here.
const slots = createStreamSlots({ perClient: MAX_STREAMS_PER_CLIENT, total: MAX_STREAMS_TOTAL });

/**
 * The request's context, with its actor. Unauthenticated (modes proxy and oidc): UNAUTHORIZED from createContext,
 * which tRPC answers as a 401 in its own error shape for every call of the batch before any procedure runs, so
 * nothing is read or written for an unknown person.
 */
function contextFor(resolved: ActorResult): Context {
  if (!resolved.ok) throw new TRPCError({ code: "UNAUTHORIZED", message: resolved.message });
  const runtime = getRuntime();
  const context: Context = { fleet: runtime.fleet, registry: runtime.registry, model: runtime.model, drills: runtime.drills, audit: runtime.audit };
  if (resolved.actor) context.actor = resolved.actor;
  return context;
}

async function handler(req: Request): Promise<Response> {
  const resolved = await resolveActor(req.headers, serverEnv().auth);
  const serve = createTrpcHandler({
    router: appRouter,
    slots,
    createContext: () => contextFor(resolved),
    onError({ path, error }) {
      // Code and path only: messages of unexpected errors could quote request details.
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`trpc: ${path ?? "?"} failed: ${error.name}`);
    },
  });
  return serve(req);
}

export { handler as GET, handler as POST };
