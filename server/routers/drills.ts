// Router `drills` (contract: server/drills/types.ts): list, detail, plan, start and abort failover drills, and a
// change subscription. Thin: validate the input, call the drill service from the context, map refusals to 4xx.
import { createTRPCRouter } from "@/server/trpc";

export const drillsRouter = createTRPCRouter({});
