import { createTRPCRouter } from "@/server/trpc";
import { fleetRouter } from "./fleet";

export const appRouter = createTRPCRouter({
  fleet: fleetRouter,
});

export type AppRouter = typeof appRouter;
