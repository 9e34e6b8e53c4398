// The topology page's API (contract: lib/topology/types.ts). Thin: parse input with the contract's schemas, read
// the fleet model from the context, call the plain functions in server/topology. Bad input surfaces as
// BAD_REQUEST with data.fieldErrors (server/trpc.ts); an unknown workspace as NOT_FOUND naming "workspace".
import { topologyGraphInputSchema, topologyRowsInputSchema } from "@/lib/topology/types";
import { createTRPCRouter, publicProcedure } from "@/server/trpc";
import { topologyGraph, topologyRows } from "@/server/topology/queries";
import { modelOf } from "@/server/workspaces/production-deps";

export const topologyRouter = createTRPCRouter({
  /** The visible graph: clusters and namespaces collapsed unless expanded, edges aggregated between them. */
  graph: publicProcedure.input(topologyGraphInputSchema).query(async ({ ctx, input }) => {
    await ctx.fleet.ready();
    return topologyGraph(modelOf(ctx), input);
  }),
  /** The table view: one row per service per cluster, filtered, sorted (unhealthy first by default) and paged. */
  rows: publicProcedure.input(topologyRowsInputSchema).query(async ({ ctx, input }) => {
    await ctx.fleet.ready();
    return topologyRows(modelOf(ctx), input);
  }),
});
