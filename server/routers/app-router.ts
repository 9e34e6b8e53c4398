import { createTRPCRouter } from "@/server/trpc";
import { fleetRouter } from "./fleet";
import { registryRouter } from "./registry";

export const appRouter = createTRPCRouter({
  fleet: fleetRouter,
  registry: registryRouter,
});

export type AppRouter = typeof appRouter;
