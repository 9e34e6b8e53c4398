// The topology page's API (contract: lib/topology/types.ts). Thin: parse input with the contract's schemas, read
// the fleet model from the context, call the plain functions in server/topology. Bad input surfaces as
// BAD_REQUEST with data.fieldErrors (server/trpc.ts); an unknown workspace as NOT_FOUND naming "workspace".
import { tracked } from "@trpc/server";
import { z } from "zod";
import { topologyGraphInputSchema, topologyRowsInputSchema } from "@/lib/topology/types";
import { MAX_EVENT_ID_LENGTH } from "@/lib/validation/limits";
import { createTRPCRouter, viewerProcedure } from "@/server/trpc";
import { topologyChanges } from "@/server/topology/changes";
import { topologyGraph, topologyRows } from "@/server/topology/queries";
import { modelOf } from "@/server/workspaces/production-deps";

const onChangeInputSchema = topologyGraphInputSchema.pick({ workspace: true }).extend({
  lastEventId: z.string({ error: "lastEventId must be a string" }).max(MAX_EVENT_ID_LENGTH, { error: `lastEventId is longer than ${MAX_EVENT_ID_LENGTH} characters` }).nullish(),
});

export const topologyRouter = createTRPCRouter({
  /** The visible graph: clusters and namespaces collapsed unless expanded, edges aggregated between them. */
  graph: viewerProcedure.input(topologyGraphInputSchema).query(async ({ ctx, input }) => {
    await ctx.fleet.ready();
    return topologyGraph(modelOf(ctx), input);
  }),
  /** The table view: one row per service per cluster, filtered, sorted (unhealthy first by default) and paged. */
  rows: viewerProcedure.input(topologyRowsInputSchema).query(async ({ ctx, input }) => {
    await ctx.fleet.ready();
    return topologyRows(modelOf(ctx), input);
  }),
  /**
   * Live: the graph's version over SSE, sent only when the graph's data changed (not on a probe, nor on a change
   * the graph does not show). Tracked by the version itself, so a reconnect resumes.
   */
  onChange: viewerProcedure.input(onChangeInputSchema).subscription(async function* ({ ctx, input, signal }) {
    await ctx.fleet.ready();
    for await (const change of topologyChanges(modelOf(ctx), input.workspace, input.lastEventId, signal)) {
      yield tracked(change.version, change);
    }
  }),
});
