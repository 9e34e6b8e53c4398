import { createTRPCRouter } from "@/server/trpc";
import { fleetRouter } from "./fleet";
import { registryRouter } from "./registry";
import { workspaceRouter } from "./workspace";

export const appRouter = createTRPCRouter({
  fleet: fleetRouter,
  registry: registryRouter,
  workspace: workspaceRouter,
});

export type AppRouter = typeof appRouter;
