import { createTRPCRouter } from "@/server/trpc";
import { auditRouter } from "./audit";
import { authRouter } from "./auth";
import { clustersRouter } from "./clusters";
import { drillsRouter } from "./drills";
import { fleetRouter } from "./fleet";
import { inspectRouter } from "./inspect";
import { objectsRouter } from "./objects";
import { registryRouter } from "./registry";
import { topologyRouter } from "./topology";
import { trafficRouter } from "./traffic";
import { workspaceRouter } from "./workspace";

export const appRouter = createTRPCRouter({
  audit: auditRouter,
  auth: authRouter,
  clusters: clustersRouter,
  drills: drillsRouter,
  fleet: fleetRouter,
  inspect: inspectRouter,
  objects: objectsRouter,
  registry: registryRouter,
  topology: topologyRouter,
  traffic: trafficRouter,
  workspace: workspaceRouter,
});

export type AppRouter = typeof appRouter;
