// Router `inspect` (contract: lib/topology/types.ts): the topology page's side panel and "what if". Thin: the
// contract's schemas bound and validate the input (BAD_REQUEST with data.fieldErrors), the plain functions in
// server/inspect read the fleet model's current state; an unknown node, workspace or part is NOT_FOUND naming it.
import { nodeInputSchema, whatIfInputSchema } from "@/lib/topology/types";
import { nodeDetails } from "@/server/inspect/node-details";
import { whatIf } from "@/server/inspect/what-if";
import { createTRPCRouter, publicProcedure, type Context } from "@/server/trpc";
import { modelOf, workspaceDepsFrom } from "@/server/workspaces/production-deps";

const depsOf = (ctx: Context) => workspaceDepsFrom(ctx.fleet, ctx.registry, modelOf(ctx));

export const inspectRouter = createTRPCRouter({
  /** One node of the graph: its objects (live YAML, conditions), expected versus actual, failover state, tests. */
  node: publicProcedure.input(nodeInputSchema).query(async ({ ctx, input }) => {
    await ctx.fleet.ready();
    return nodeDetails(depsOf(ctx), input);
  }),
  /** Which services in which clusters would change state if the part failed now (nothing is injected). */
  whatIf: publicProcedure.input(whatIfInputSchema).query(async ({ ctx, input }) => {
    await ctx.fleet.ready();
    return whatIf(depsOf(ctx), input);
  }),
});
