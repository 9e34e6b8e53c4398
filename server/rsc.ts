import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { cache } from "react";
import { makeQueryClient } from "@/lib/query-client";
import { appRouter } from "./routers/app-router";
import { getRuntime } from "./runtime";

/** One QueryClient per server request (React's cache is request-scoped in server components). */
export const getQueryClient = cache(makeQueryClient);

/** tRPC options for server components: prefetch calls the router directly, no HTTP hop. */
export const trpc = createTRPCOptionsProxy({
  router: appRouter,
  ctx: () => ({ fleet: getRuntime().fleet, registry: getRuntime().registry, model: getRuntime().model, drills: getRuntime().drills }),
  queryClient: getQueryClient,
});
