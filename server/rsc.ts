import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { cache } from "react";
import { makeQueryClient } from "@/lib/query-client";
import { requestActor } from "./auth/request-actor";
import { appRouter } from "./routers/app-router";
import { getRuntime } from "./runtime";

/** One QueryClient per server request (React's cache is request-scoped in server components). */
export const getQueryClient = cache(makeQueryClient);

/** tRPC options for server components: prefetch calls the router directly, no HTTP hop. */
export const trpc = createTRPCOptionsProxy({
  router: appRouter,
  // The request's person, as the tRPC route reads them (server/auth/request-actor.ts): the role gate then judges a
  // server component's prefetch as it judges the browser's call. Absent in mode none.
  ctx: async () => {
    const runtime = getRuntime();
    const actor = await requestActor();
    return { fleet: runtime.fleet, registry: runtime.registry, model: runtime.model, drills: runtime.drills, audit: runtime.audit, ...(actor ? { actor } : {}) };
  },
  queryClient: getQueryClient,
});
