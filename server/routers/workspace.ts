// The workspace pages' API (contract: lib/workspace-view/types.ts). Thin: parse input with the contract's
// schemas, build the dependencies from the context, call the plain functions in server/workspaces. Bad input
// surfaces as BAD_REQUEST with data.fieldErrors (server/trpc.ts); an unknown workspace as NOT_FOUND.
import { tracked } from "@trpc/server";
import { z } from "zod";
import { MAX_EVENT_ID_LENGTH } from "@/lib/validation/limits";
import {
  exposureApplyInputSchema,
  exposureInputSchema,
  failoverPageInputSchema,
  gatewayDeployInputSchema,
  gatewayRemoveInputSchema,
  workspaceRefSchema,
} from "@/lib/workspace-view/types";
import { sliceChanges } from "@/server/fleet/slice-changes";
import { sliceTrackerOf } from "@/server/fleet/slice-tracker";
import { createTRPCRouter, platformOwnerProcedure, viewerProcedure, type Context } from "@/server/trpc";
import { exposureApply } from "@/server/workspaces/exposure-apply";
import { exposurePreview } from "@/server/workspaces/exposure-preview";
import { gatewayApply } from "@/server/workspaces/gateway-apply";
import { gatewayPreview } from "@/server/workspaces/gateway-preview";
import { gatewayRemove, gatewayRemovePreview } from "@/server/workspaces/gateway-remove";
import { stateOf } from "@/server/workspaces/fleet-input";
import { modelSnapshots } from "@/server/workspaces/model-snapshots";
import { modelOf, workspaceDepsFrom } from "@/server/workspaces/production-deps";
import { workspaceDetail } from "@/server/workspaces/workspace-detail";
import { workspaceFailover } from "@/server/workspaces/workspace-failover";
import { workspaceList } from "@/server/workspaces/workspace-list";

/** The person's writers (impersonating them, audited) when there is one; the console's own in mode none. */
const depsOf = (ctx: Context) => workspaceDepsFrom(ctx.fleet, ctx.registry, modelOf(ctx), { actor: ctx.actor, audit: ctx.audit });

export const workspaceRouter = createTRPCRouter({
  /** Every workspace of the management cluster, for the overview. */
  list: viewerProcedure.query(async ({ ctx }) => {
    await ctx.fleet.ready();
    return workspaceList(depsOf(ctx));
  }),
  /** One workspace: clusters, gateways, services, exposure, readiness, registry propagation. */
  detail: viewerProcedure.input(workspaceRefSchema).query(async ({ ctx, input }) => {
    await ctx.fleet.ready();
    return workspaceDetail(depsOf(ctx), input.workspace);
  }),
  /** One page of the workspace's failover table (services × clusters), filtered; the detail carries its summary. */
  failover: viewerProcedure.input(failoverPageInputSchema).query(async ({ ctx, input }) => {
    await ctx.fleet.ready();
    return workspaceFailover(depsOf(ctx), input);
  }),
  /**
   * Live: the workspace's slice fingerprint over SSE, sent only when what its detail is computed from changed (not on
   * a probe's latency or another workspace's change). Tracked by the fingerprint itself, so a reconnect resumes.
   */
  onChange: viewerProcedure
    .input(workspaceRefSchema.extend({ lastEventId: z.string().max(MAX_EVENT_ID_LENGTH).nullish() }))
    .subscription(async function* ({ ctx, input, signal }) {
      await ctx.fleet.ready();
      // A registry that failed to start reports nothing: the slice is then the fleet's objects alone.
      const registry = await ctx.registry?.catch(() => undefined);
      // The model's snapshots: a page is told of a change once the model (which its detail reads) holds it.
      const model = modelOf(ctx);
      const tracker = sliceTrackerOf(modelSnapshots(model, await stateOf({ model })), registry);
      for await (const change of sliceChanges(tracker, input.workspace, input.lastEventId, signal)) {
        yield tracked(change.version, change);
      }
    }),
  /** What deploying the gateway would do in each cluster: diff against live + server-side dry-run. */
  gatewayPreview: platformOwnerProcedure("previewing a gateway deployment").input(gatewayDeployInputSchema).mutation(({ ctx, input }) => gatewayPreview(depsOf(ctx), input)),
  /** Server-side apply of the gateway in each cluster; per-cluster results as data. */
  gatewayApply: platformOwnerProcedure("deploying gateways").input(gatewayDeployInputSchema).mutation(({ ctx, input }) => gatewayApply(depsOf(ctx), input)),
  /** What stops working if the gateway goes (planner without it). */
  gatewayRemovePreview: platformOwnerProcedure("previewing a gateway removal").input(gatewayRemoveInputSchema).mutation(({ ctx, input }) => gatewayRemovePreview(depsOf(ctx), input)),
  /** Deletes a gateway the console created (uid + resourceVersion precondition). */
  gatewayRemove: platformOwnerProcedure("removing gateways").input(gatewayRemoveInputSchema).mutation(({ ctx, input }) => gatewayRemove(depsOf(ctx), input)),
  /** The WorkspaceSetting change: YAML, diff against live, dry-run, consequences per cluster. */
  exposurePreview: platformOwnerProcedure("previewing an exposure change").input(exposureInputSchema).mutation(({ ctx, input }) => exposurePreview(depsOf(ctx), input)),
  /** Server-side apply of the WorkspaceSetting change (`force` only when the person chose it). */
  exposureApply: platformOwnerProcedure("changing exposure").input(exposureApplyInputSchema).mutation(({ ctx, input }) => exposureApply(depsOf(ctx), input)),
});
