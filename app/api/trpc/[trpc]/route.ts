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

/**
 * A live-update stream (SSE) opened with a session ends when the session does: tRPC ends a subscription when its
 * request's signal aborts, and the browser's reconnect then meets the 401 like any other request.
 */
function boundToSession(req: Request, resolved: ActorResult): Request {
  if (!resolved.ok || resolved.expiresAt === undefined || !req.headers.get("accept")?.includes("text/event-stream")) return req;
  const remainingMs = Math.max(0, resolved.expiresAt - Date.now());
  return new Request(req, { signal: AbortSignal.any([req.signal, AbortSignal.timeout(remainingMs)]) });
}

async function handler(request: Request): Promise<Response> {
  const resolved = await resolveActor(request.headers, serverEnv().auth);
  const req = boundToSession(request, resolved);
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
