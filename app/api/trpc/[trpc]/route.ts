import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/routers/app-router";
import { getRuntime } from "@/server/runtime";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => ({ fleet: getRuntime().fleet, registry: getRuntime().registry }),
    onError({ path, error }) {
      // Code and path only: messages of unexpected errors could quote request details.
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`trpc: ${path ?? "?"} failed: ${error.name}`);
    },
  });
}

export { handler as GET, handler as POST };
