// One step of one drill: observe → the machine decides → the status is written FIRST (when it differs from the
// stored one) → the actions are carried out in order. A failed status write carries out nothing: the undo record
// must be in the cluster before any fault is injected. Level-triggered: nothing of an earlier step is remembered
// but the probe's samples (re-read from the log after a restart) and the last drill seen (see orphan.ts).
import type { DrillMachine, DrillStep } from "@/lib/drills/machine-types";
import { probePodName } from "@/lib/drills/probe-pod";
import { drillStatusSchema, FINAL_PHASES, type DrillStatus, type FailoverDrill } from "@/lib/drills/schema";
import type { ClusterSnapshot } from "@/lib/fleet/snapshot-types";
import type { DrillClient } from "@/server/kube/drill-client";
import { describeAction, executeActions } from "./execute";
import type { FailoverFacts } from "./failover-facts";
import { observeDrill } from "./observe";
import { momentOf, type ServedByQuery } from "./prometheus-served-by";
import type { ProbeFollow } from "./probe-follow";
import type { DrillRef } from "./types";

export type StepDeps = {
  cluster: (name: string) => ClusterSnapshot | undefined;
  clientFor: (cluster: string) => DrillClient | undefined;
  failover: (cluster: string, namespace: string, service: string) => Promise<FailoverFacts>;
  machine: DrillMachine;
  /** Asked before every write: only the Lease holder writes. */
  isLeader: () => boolean;
  now: () => number;
  /** When Prometheus is configured: the probe's requests/s by destination cluster now. */
  prometheusServedBy?: ServedByQuery;
};

export type StepOutcome =
  /** The drill is final and nothing is left to do, or it is gone (`last`: as last seen, for orphan.ts). */
  | { kind: "done"; gone?: FailoverDrill }
  | { kind: "again"; afterMs?: number; drill: FailoverDrill }
  /** Something failed (unreachable cluster, a write refused): retry with backoff. */
  | { kind: "retry"; message: string; drill?: FailoverDrill };

/** Key order does not matter to the API server; compare canonically so an unchanged status is never rewritten. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

export function sameStatus(a: DrillStatus | undefined, b: DrillStatus): boolean {
  const stored = drillStatusSchema.safeParse(a ?? {});
  return stored.success && JSON.stringify(canonical(stored.data)) === JSON.stringify(canonical(drillStatusSchema.parse(b)));
}

const isFinalStatus = (status: DrillStatus) => status.phase !== undefined && FINAL_PHASES.includes(status.phase);

/** The machine's status, with Prometheus's served-by at the moment a phase change records (when configured). */
async function withPrometheus(deps: StepDeps, drill: FailoverDrill, status: DrillStatus): Promise<DrillStatus> {
  const moment = momentOf(drill.status?.phase, status.phase);
  if (!moment || !deps.prometheusServedBy) return status;
  const probe = drill.status?.undo?.probePod ?? probePodName(drill.metadata.name);
  const counts = await deps.prometheusServedBy(drill.metadata.namespace, probe);
  return counts ? { ...status, prometheusServedBy: { ...status.prometheusServedBy, [moment]: counts } } : status;
}

/**
 * What a drill's loop keeps between steps. `unreachable`: a step found the cluster unreachable, and nothing could
 * be written then; the first step that reaches it again first records that (the machine's own decision for an
 * unreachable world), so the drill says so and the machine restores at once from the next step on.
 */
export type LoopMemory = { follow: ProbeFollow; last?: FailoverDrill; unreachable: boolean };

type Seen = Extract<Awaited<ReturnType<typeof observeDrill>>, { kind: "world" }>;

/**
 * Before anything is touched, the finalizer (so a `kubectl delete` mid-drill waits for the restore); then the
 * status, when it differs from the stored one. Undefined when both went through, else why not.
 */
async function commitStatus(client: DrillClient, ref: DrillRef, seen: Seen, status: DrillStatus): Promise<string | undefined> {
  const at = { namespace: ref.namespace, name: ref.name };
  const where = `${ref.namespace}/${ref.name} in ${ref.cluster}`;
  if (!isFinalStatus(status) && !seen.deleting && !seen.finalized) {
    const held = await client.drills.finalizer(at, true);
    if (!held.ok) return `finalizer of ${where}: ${held.message}`;
  }
  if (sameStatus(seen.world.drill.status, status)) return undefined;
  const written = await client.drills.applyStatus(at, status);
  return written.ok ? undefined : `status of ${where}: ${written.message}`;
}

/** Finished and restored: nothing is left to hold the drill for (a deleted one then goes). */
async function release(client: DrillClient, ref: DrillRef, seen: Seen): Promise<string | undefined> {
  if (!seen.finalized) return undefined;
  const released = await client.drills.finalizer({ namespace: ref.namespace, name: ref.name }, false);
  return released.ok ? undefined : `finalizer of ${ref.namespace}/${ref.name} in ${ref.cluster}: ${released.message}`;
}

export async function runStep(deps: StepDeps, ref: DrillRef, memory: LoopMemory): Promise<StepOutcome> {
  const { follow, last } = memory;
  const cluster = deps.cluster(ref.cluster);
  if (!cluster) return { kind: "retry", message: `cluster ${ref.cluster} is not in the fleet now`, ...(last ? { drill: last } : {}) };
  const client = deps.clientFor(ref.cluster);
  const seen = await observeDrill({ cluster, client, failover: deps.failover, follow, now: deps.now }, ref);
  if (seen.kind === "gone") return last ? { kind: "done", gone: last } : { kind: "done" };
  if (seen.kind === "invalid") return { kind: "retry", message: seen.message };
  // Not yet listed since this console started (or relisting): its objects say nothing yet; wait, flag nothing.
  if (seen.kind === "syncing") return { kind: "retry", message: seen.message, ...(last ? { drill: last } : {}) };
  const { world } = seen;
  const drill = world.drill;
  if (!world.reachable || !client) {
    memory.unreachable = true;
    return { kind: "retry", message: `${ref.cluster} cannot be reached; the drill waits and resumes (or restores) as soon as it can`, drill };
  }
  const recordOutage = memory.unreachable;
  // A drill being deleted is aborted: its fault is undone before the runner's finalizer lets it go.
  const asked = seen.deleting ? { ...world, drill: { ...drill, spec: { ...drill.spec, abort: true } } } : world;
  const decision: DrillStep = deps.machine(recordOutage ? { ...asked, reachable: false } : asked);
  if (!deps.isLeader()) return { kind: "retry", message: "not leading", drill };
  const status = await withPrometheus(deps, drill, decision.status);
  const refused = await commitStatus(client, ref, seen, status);
  if (refused) return { kind: "retry", message: refused, drill };
  const current = { ...drill, status };
  if (recordOutage) {
    memory.unreachable = false;
    return { kind: "again", drill: current, afterMs: 0 };
  }
  const podUids = new Map(world.pods.map((p) => [p.name, p.uid]));
  const result = await executeActions({ client, drill: current, service: seen.service, podUids, ...(seen.probeUid ? { probeUid: seen.probeUid } : {}) }, decision.actions, deps.isLeader);
  if (!result.ok) return { kind: "retry", message: `${describeAction(result.action)} in ${ref.cluster}: ${result.message}`, drill: current };
  if (isFinalStatus(status) && decision.actions.length === 0) {
    const stuck = await release(client, ref, seen);
    return stuck ? { kind: "retry", message: stuck, drill: current } : { kind: "done" };
  }
  return { kind: "again", drill: current, ...(decision.recheckAfterMs !== undefined ? { afterMs: decision.recheckAfterMs } : {}) };
}
