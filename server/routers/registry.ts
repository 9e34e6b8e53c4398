import { registryStatusInputSchema } from "@/lib/registry/status-contract";
import { unavailable } from "@/server/errors";
import type { RegistryService } from "@/server/registry/service";
import { registryStatusPage } from "@/server/registry/status-page";
import { createTRPCRouter, viewerProcedure } from "@/server/trpc";
import { stateOf } from "@/server/workspaces/fleet-input";
import { modelOf } from "@/server/workspaces/production-deps";
import { workspaceReachOf } from "@/server/workspaces/workspace-reach";

async function running(registry: Promise<RegistryService> | undefined): Promise<RegistryService> {
  if (!registry) throw unavailable("The cross-cluster registry is not running in this console.");
  return registry;
}

export const registryRouter = createTRPCRouter({
  /**
   * One page of the registry's view, for the fleet or one workspace (`workspace`; unknown → NOT_FOUND naming it):
   * mode and leadership, per-cluster counts (in sync, missing, different, extra, foreign, held), the conditions
   * grouped by reason, and `limit` (≤ 200) objects not in sync after `cursor`, with the next page's cursor.
   */
  status: viewerProcedure.input(registryStatusInputSchema).query(async ({ ctx, input }) => {
    const registry = await running(ctx.registry);
    if (input.workspace === undefined) return registryStatusPage(registry.status(), input);
    await ctx.fleet.ready();
    const model = modelOf(ctx);
    const state = await stateOf({ model });
    return registryStatusPage(registry.status(), input, { reach: workspaceReachOf(model, state, input.workspace) });
  }),
});
