// The Istio objects browser's API (server/objects/types.ts). Thin: the input schemas parse and bound the input,
// the fleet model's current state is read once, and the plain functions of server/objects answer. Lists and
// details read the fleet cache through an index kept per fleet state (no API call, nothing fleet-wide per
// request); only `events` asks a cluster, for one object, with a deadline. Unknown names are NOT_FOUND naming the
// field; bad input BAD_REQUEST with fieldErrors (server/trpc.ts).
import { serverEnv } from "@/server/env";
import { impersonationOf } from "@/server/kube/impersonation";
import { objectDetail } from "@/server/objects/detail";
import { objectEvents } from "@/server/objects/events";
import { objectIndexOf } from "@/server/objects/object-index";
import { queryIndex } from "@/server/objects/query";
import { objectListInputSchema, objectRefSchema } from "@/server/objects/types";
import { createTRPCRouter, viewerProcedure, type Context } from "@/server/trpc";
import { stateOf } from "@/server/workspaces/fleet-input";
import { modelOf } from "@/server/workspaces/production-deps";
import { viewMemoOf } from "@/server/workspaces/view-memo";

async function readState(ctx: Context) {
  await ctx.fleet.ready();
  const model = modelOf(ctx);
  const state = await stateOf({ model });
  return { state, index: objectIndexOf(viewMemoOf(model), state) };
}

export const objectsRouter = createTRPCRouter({
  /** One page of every cluster's ServiceEntries, WorkloadEntries, DestinationRules and Gateways, filtered and sorted. */
  list: viewerProcedure.input(objectListInputSchema).query(async ({ ctx, input }) => {
    const { state, index } = await readState(ctx);
    return queryIndex(index, input, state.snapshot.revision);
  }),
  /** One object: its YAML as cached, its owner (proved the console's or foreign), its conditions. */
  get: viewerProcedure.input(objectRefSchema).query(async ({ ctx, input }) => {
    const { state, index } = await readState(ctx);
    return objectDetail(state, index, input);
  }),
  /** The object's recent Events, read from its cluster now (ok / unreachable / forbidden as data). */
  events: viewerProcedure.input(objectRefSchema).query(async ({ ctx, input }) => {
    await ctx.fleet.ready();
    const state = await stateOf({ model: modelOf(ctx) });
    const env = serverEnv();
    // Reads as the person only when configured (EASTWEST_IMPERSONATE_READS); writes always are.
    const impersonate = env.impersonateReads ? impersonationOf(ctx.actor) : undefined;
    return objectEvents({ handle: (cluster) => ctx.fleet.handle(cluster), timeoutMs: env.listTimeoutMs, impersonate }, state, input);
  }),
});
