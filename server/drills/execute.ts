// Carries out the machine's actions in order against the drilled cluster. Each is idempotent (apply, scale to a
// number, delete what may be gone), so redoing one after a crash or a failed step is safe. The first failure
// stops the rest: they were ordered by the machine, and the next step decides again from what it observes.
import type { DrillAction } from "@/lib/drills/machine-types";
import type { FailoverDrill } from "@/lib/drills/schema";
import type { DrillClient } from "@/server/kube/drill-client";
import type { ServiceFacts } from "./cluster-facts";
import { drillDurationSeconds } from "@/lib/drills/duration";
import { probePod } from "@/lib/drills/probe-pod";

export type ActionContext = {
  client: DrillClient;
  drill: FailoverDrill;
  service: ServiceFacts | undefined;
  /** uids of the pods the machine saw (a fault annotation goes on that very pod or on none). */
  podUids: ReadonlyMap<string, string>;
  probeUid?: string;
};

export type ActionResult = { ok: true } | { ok: false; message: string };

export async function executeAction(ctx: ActionContext, action: DrillAction): Promise<ActionResult> {
  const { client, drill } = ctx;
  const { namespace } = drill.metadata;
  const done = (outcome: { ok: true } | { ok: false; message: string }): ActionResult => (outcome.ok ? { ok: true } : { ok: false, message: outcome.message });
  switch (action.type) {
    case "create-probe": {
      const duration = drillDurationSeconds(drill.spec.maxDuration);
      const pod = probePod({ drill, port: ctx.service?.port ?? 80, path: "/", maxDurationSeconds: duration.ok ? duration.seconds : 120 });
      return done(await client.probe.create({ ...pod, metadata: { ...pod.metadata, name: action.name } }));
    }
    case "delete-probe":
      return done(await client.probe.remove(namespace, action.name, ctx.probeUid));
    case "scale":
      return done(await client.workloads.scale(namespace, action.deployment, action.replicas));
    case "fault-pod":
      return done(await client.workloads.faultPod(namespace, action.pod, ctx.podUids.get(action.pod), action.on));
  }
}

export function describeAction(action: DrillAction): string {
  switch (action.type) {
    case "create-probe":
      return `create probe Pod ${action.name}`;
    case "delete-probe":
      return `delete probe Pod ${action.name}`;
    case "scale":
      return `scale ${action.deployment} to ${action.replicas}`;
    case "fault-pod":
      return `${action.on ? "fault" : "heal"} pod ${action.pod}`;
  }
}

/** Runs the actions in order; `allowed` is asked before each (the Lease may be lost between two). */
export async function executeActions(ctx: ActionContext, actions: readonly DrillAction[], allowed: () => boolean): Promise<{ ok: true } | { ok: false; action: DrillAction; message: string }> {
  for (const action of actions) {
    if (!allowed()) return { ok: false, action, message: "this console stopped leading the drill runner" };
    const result = await executeAction(ctx, action);
    if (!result.ok) return { ok: false, action, message: result.message };
  }
  return { ok: true };
}
