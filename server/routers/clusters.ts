// The cluster page's API (contract: server/clusters/types.ts). Thin: the input schema, then the plain function
// over the fleet's view and model. An unknown cluster is NOT_FOUND naming the field "cluster".
import { clusterDetail } from "@/server/clusters/cluster-detail";
import { clusterRefSchema } from "@/server/clusters/types";
import { createTRPCRouter, viewerProcedure } from "@/server/trpc";
import { modelOf } from "@/server/workspaces/production-deps";

export const clustersRouter = createTRPCRouter({
  /** One cluster: status, objects per kind, east-west gateways, the workspaces spanning it. */
  detail: viewerProcedure.input(clusterRefSchema).query(async ({ ctx, input }) => {
    await ctx.fleet.ready();
    return clusterDetail({ view: ctx.fleet.view, model: modelOf(ctx), excluded: () => ctx.fleet.excluded?.() ?? [] }, input.cluster);
  }),
});
