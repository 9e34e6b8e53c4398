import { MAX_STREAMS_PER_CLIENT, MAX_STREAMS_TOTAL } from "@/lib/validation/limits";
import { createStreamSlots } from "@/server/http/stream-slots";
import { createTrpcHandler } from "@/server/http/trpc-handler";
import { appRouter } from "@/server/routers/app-router";
import { getRuntime } from "@/server/runtime";

// One count of open SSE streams per route module: subscriptions are served only here.
const slots = createStreamSlots({ perClient: MAX_STREAMS_PER_CLIENT, total: MAX_STREAMS_TOTAL });

const handler = createTrpcHandler({
  router: appRouter,
  slots,
  createContext: () => ({ fleet: getRuntime().fleet, registry: getRuntime().registry, model: getRuntime().model, drills: getRuntime().drills }),
  onError({ path, error }) {
    // Code and path only: messages of unexpected errors could quote request details.
    if (error.code === "INTERNAL_SERVER_ERROR") console.error(`trpc: ${path ?? "?"} failed: ${error.name}`);
  },
});

export { handler as GET, handler as POST };
