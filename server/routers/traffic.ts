// Router `traffic` (contract: lib/traffic/types.ts): which cluster served each service's requests over the last
// minute, from Prometheus. Thin: the input through the contract's schema, the work in server/traffic.
import { trafficInputSchema } from "@/lib/traffic/types";
import { trafficSource } from "@/server/traffic/traffic-runtime";
import { trafficView } from "@/server/traffic/traffic-view";
import { createTRPCRouter, viewerProcedure } from "@/server/trpc";
import { modelOf } from "@/server/workspaces/production-deps";

export const trafficRouter = createTRPCRouter({
  /** The traffic view (status, served-by rows, flows); `workspace`: only its services (NOT_FOUND when unknown). */
  view: viewerProcedure.input(trafficInputSchema).query(async ({ ctx, input }) => {
    if (input.workspace === undefined) return trafficSource().view();
    await ctx.fleet.ready();
    return trafficView({ source: trafficSource(), model: modelOf(ctx) }, input.workspace);
  }),
});
