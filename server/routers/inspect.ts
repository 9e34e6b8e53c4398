// Router `inspect` (contract: lib/topology/types.ts): the topology page's side panel and "what if". Thin: the
// contract's schemas bound and validate the input (BAD_REQUEST with data.fieldErrors), the plain functions in
// server/inspect read the fleet model's current state (only `events` asks a cluster, for one object); an unknown
// node, workspace, cluster or part is NOT_FOUND naming it.
import { nodeInputSchema, whatIfInputSchema } from "@/lib/topology/types";
import { serverEnv } from "@/server/env";
import { eventsInputSchema, nodeObjectEvents } from "@/server/inspect/events";
import { nodeDetails } from "@/server/inspect/node-details";
import { whatIf } from "@/server/inspect/what-if";
import { createTRPCRouter, viewerProcedure, type Context } from "@/server/trpc";
import { stateOf } from "@/server/workspaces/fleet-input";
import { modelOf, workspaceDepsFrom } from "@/server/workspaces/production-deps";

/** Reads only; with the actor, reads are impersonated too when EASTWEST_IMPERSONATE_READS is set. */
const depsOf = (ctx: Context) => workspaceDepsFrom(ctx.fleet, ctx.registry, modelOf(ctx), { actor: ctx.actor, audit: ctx.audit });

export const inspectRouter = createTRPCRouter({
  /** One node of the graph: its objects (live YAML, conditions), expected versus actual, failover state, tests. */
  node: viewerProcedure.input(nodeInputSchema).query(async ({ ctx, input }) => {
    await ctx.fleet.ready();
    return nodeDetails(depsOf(ctx), input);
  }),
  /** Which services in which clusters would change state if the part failed now (nothing is injected). */
  whatIf: viewerProcedure.input(whatIfInputSchema).query(async ({ ctx, input }) => {
    await ctx.fleet.ready();
    return whatIf(depsOf(ctx), input);
  }),
  /** Recent Events of one object of a node, read from its cluster now (one bounded request with a deadline). */
  events: viewerProcedure.input(eventsInputSchema).query(async ({ ctx, input }) => {
    await ctx.fleet.ready();
    const state = await stateOf({ model: modelOf(ctx) });
    return nodeObjectEvents({ handle: (cluster) => ctx.fleet.handle(cluster), timeoutMs: serverEnv().listTimeoutMs }, state, input);
  }),
});
