// Router `audit`: "who did what" (server/audit/recent.ts), read from the clusters' audit Events now. One query,
// for a workspace's objects or for one drill. A read: every signed-in person may see who changed what they can
// look at (viewer). Unknown workspace or cluster: NOT_FOUND naming the field; an unreadable cluster is data.
import { z } from "zod";
import { clusterNameSchema } from "@/lib/fleet-schema";
import { isDnsSubdomain } from "@/lib/names/dns";
import { quoted } from "@/lib/validation/bounded-text";
import { dnsLabelSchema } from "@/lib/validation/dns-name";
import { MAX_NAME_LENGTH } from "@/lib/validation/limits";
import { workspaceRefSchema } from "@/lib/workspace-view/types";
import { auditRecent, clusterAuditLister, drillTarget, workspaceTargets } from "@/server/audit/recent";
import { serverEnv } from "@/server/env";
import { createTRPCRouter, viewerProcedure } from "@/server/trpc";
import { stateOf } from "@/server/workspaces/fleet-input";
import { modelOf } from "@/server/workspaces/production-deps";

const drillName = z
  .string({ error: "name is required" })
  .max(MAX_NAME_LENGTH, { error: `name is longer than ${MAX_NAME_LENGTH} characters`, abort: true })
  .refine(isDnsSubdomain, { error: (issue) => `name ${quoted(String(issue.input))} is not a Kubernetes object name` });

export const auditRecentInputSchema = z.discriminatedUnion(
  "scope",
  [workspaceRefSchema.extend({ scope: z.literal("workspace") }), z.object({ scope: z.literal("drill"), cluster: clusterNameSchema, namespace: dnsLabelSchema("namespace"), name: drillName })],
  { error: "scope must be workspace or drill" },
);

export const auditRouter = createTRPCRouter({
  /** The console's audit records about a workspace's objects or one drill, newest first; unreadable clusters named. */
  recent: viewerProcedure.input(auditRecentInputSchema).query(async ({ ctx, input }) => {
    await ctx.fleet.ready();
    const state = await stateOf({ model: modelOf(ctx) });
    const targets = input.scope === "workspace" ? workspaceTargets(state, input.workspace) : [drillTarget(state, input)];
    return auditRecent(clusterAuditLister((cluster) => ctx.fleet.handle(cluster), serverEnv().listTimeoutMs), targets);
  }),
});
