import { unavailable } from "@/server/errors";
import type { RegistryService } from "@/server/registry/service";
import { createTRPCRouter, publicProcedure } from "@/server/trpc";

async function running(registry: Promise<RegistryService> | undefined): Promise<RegistryService> {
  if (!registry) throw unavailable("The cross-cluster registry is not running in this console.");
  return registry;
}

export const registryRouter = createTRPCRouter({
  /**
   * The registry's mode and leadership, its conditions, expected-versus-actual per cluster (missing, extra,
   * different, each with a reason) and the propagation of every exposed service.
   */
  status: publicProcedure.query(async ({ ctx }) => (await running(ctx.registry)).status()),
});
