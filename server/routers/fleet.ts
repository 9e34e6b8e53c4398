import { tracked } from "@trpc/server";
import { z } from "zod";
import { clusterNameSchema } from "@/lib/fleet-schema";
import { MAX_EVENT_ID_LENGTH } from "@/lib/validation/limits";
import { fleetChanges } from "@/server/fleet/changes";
import { fleetStats } from "@/server/fleet/stats";
import { createTRPCRouter, viewerProcedure } from "@/server/trpc";

export const fleetRouter = createTRPCRouter({
  /** The fleet overview: per-cluster reachability, or why there is no fleet to show. */
  clusters: viewerProcedure.query(async ({ ctx }) => {
    await ctx.fleet.ready();
    return ctx.fleet.view();
  }),

  /** Cache size and process memory (counts and bytes only), for benchmarks and diagnostics. */
  stats: viewerProcedure
    .input(z.object({ measureJson: z.boolean().default(false) }).optional())
    .query(({ ctx, input }) => fleetStats(ctx.fleet.snapshots.current(), input?.measureJson ?? false)),

  /**
   * Re-probe one cluster now instead of waiting for the next refresh. A mutation (it acts now, not cached) that any
   * viewer may run: it only reads, with the console's own credentials, what the fleet page already shows every few
   * seconds (reachability and the watched kinds), writes nothing to any cluster, and is what "Check again" on an
   * unreachable cluster does for a person who may only look.
   */
  recheck: viewerProcedure
    .input(z.object({ cluster: clusterNameSchema }))
    .mutation(({ ctx, input }) => ctx.fleet.recheck(input.cluster)),

  /**
   * Live fleet changes over SSE. Each event is tracked with its feed id, so a browser that
   * reconnects sends it back as lastEventId and resumes where it left off.
   */
  onChange: viewerProcedure
    .input(z.object({ lastEventId: z.string().max(MAX_EVENT_ID_LENGTH).nullish() }).optional())
    .subscription(async function* ({ ctx, input, signal }) {
      for await (const entry of fleetChanges(ctx.fleet, input?.lastEventId, signal)) {
        yield tracked(entry.id, entry.event);
      }
    }),
});
