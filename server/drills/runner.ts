// The drill runner: one loop per non-final FailoverDrill of any cluster, each stepping (step.ts runStep) when its drill
// changes, when the machine's recheck timer fires (a timer, never a sleep: the maximum duration is enforced with
// no browser open), when its cluster comes back, and when this console becomes the leader. A failed step is
// retried with capped backoff, so a drill whose cluster is unreachable resumes (or restores) as soon as the
// cluster answers. At most `concurrency` steps run at once across all drills; a drill never has two at once.
import type { ClusterSnapshot, FleetSnapshot, ObjectMap } from "@/lib/fleet/snapshot-types";
import type { FailoverDrill } from "@/lib/drills/schema";
import type { FleetSnapshotSource } from "@/server/fleet/snapshot";
import { backoffDelay, type Backoff } from "@/server/kube/backoff";
import { DRILL_FINALIZER } from "@/server/kube/drill-objects";
import { isFinal, parseDrill } from "./cluster-facts";
import { executeActions } from "./execute";
import { finalizedBy } from "./observe";
import { orphanRestore } from "./orphan";
import { createProbeFollow } from "./probe-follow";
import { createSemaphore } from "./semaphore";
import { runStep, type LoopMemory, type StepDeps, type StepOutcome } from "./step";
import type { DrillRef } from "./types";

export type RunnerDeps = StepDeps & {
  snapshots: FleetSnapshotSource;
  /** Called with true when this console becomes the leader (every loop steps at once then). */
  onLeaderChange?: (listener: (leading: boolean) => void) => () => void;
  /** Called when a drill that is not final is seen (starts a leader election that is only wanted then). */
  onDrillSeen?: () => void;
  concurrency?: number;
  /** When the machine asks for no recheck: step again after this long anyway (level-triggered resync). */
  resyncMs?: number;
  backoff?: Backoff;
  log?: (line: string) => void;
};

export type DrillRunner = {
  /** The drills with a loop now. */
  active(): DrillRef[];
  stop(): Promise<void>;
};

type Loop = LoopMemory & { ref: DrillRef; timer?: ReturnType<typeof setTimeout>; running?: Promise<void>; again: boolean; failures: number; lastError?: string };

const keyOf = (ref: DrillRef) => `${ref.cluster}\u0000${ref.namespace}\u0000${ref.name}`;

export function startDrillRunner(deps: RunnerDeps): DrillRunner {
  const loops = new Map<string, Loop>();
  const semaphore = createSemaphore(deps.concurrency ?? 8);
  const backoff = deps.backoff ?? { initialMs: 500, maxMs: 10_000 };
  const resyncMs = deps.resyncMs ?? 5_000;
  const seen = new Map<string, { drills: ObjectMap; state: ClusterSnapshot["state"] }>();
  let stopped = false;

  function schedule(loop: Loop, ms: number): void {
    clearTimeout(loop.timer);
    if (stopped) return;
    loop.timer = setTimeout(() => kick(loop), ms);
    loop.timer.unref?.();
  }

  function report(loop: Loop, message: string | undefined): void {
    if (message === loop.lastError) return;
    loop.lastError = message;
    if (message) deps.log?.(`drills: ${loop.ref.cluster}/${loop.ref.namespace}/${loop.ref.name}: ${message}`);
  }

  async function restoreOrphan(loop: Loop, drill: FailoverDrill): Promise<void> {
    const actions = orphanRestore(drill);
    const client = deps.clientFor(loop.ref.cluster);
    if (actions.length === 0 || !client) return;
    const podUids = new Map((drill.status?.undo?.pods ?? []).flatMap((p) => (p.uid ? [[p.name, p.uid] as const] : [])));
    const result = await executeActions({ client, drill, service: undefined, podUids }, actions, deps.isLeader);
    deps.log?.(`drills: ${loop.ref.cluster}/${loop.ref.namespace}/${loop.ref.name} was deleted mid-drill; ${result.ok ? "its fault was undone" : `undoing its fault failed: ${result.message}`}`);
    if (!result.ok) throw new Error(result.message);
  }

  function settle(loop: Loop, outcome: StepOutcome): void {
    const key = keyOf(loop.ref);
    if (outcome.kind === "done") {
      if (!outcome.gone) return void finish(key, loop);
      const gone = outcome.gone;
      loop.last = gone;
      // Undo from the last drill seen; keep retrying (with backoff) until it went through.
      loop.running = semaphore.run(() => restoreOrphan(loop, gone)).then(
        () => finish(key, loop),
        (err: unknown) => {
          loop.running = undefined;
          report(loop, `undoing the fault of the deleted drill failed: ${err instanceof Error ? err.message : String(err)}`);
          schedule(loop, backoffDelay(loop.failures++, backoff));
        },
      );
      return;
    }
    if (outcome.drill) loop.last = outcome.drill;
    if (outcome.kind === "again") {
      loop.failures = 0;
      report(loop, undefined);
      return schedule(loop, outcome.afterMs ?? resyncMs);
    }
    // Not leading: nothing to do until the Lease is ours (onLeaderChange kicks every loop then).
    if (!deps.isLeader()) return;
    report(loop, outcome.message);
    schedule(loop, backoffDelay(loop.failures++, backoff));
  }

  function finish(key: string, loop: Loop): void {
    clearTimeout(loop.timer);
    loop.running = undefined;
    if (loops.get(key) === loop) loops.delete(key);
  }

  function kick(loop: Loop): void {
    if (stopped) return;
    if (loop.running) {
      loop.again = true;
      return;
    }
    if (!deps.isLeader()) return;
    clearTimeout(loop.timer);
    loop.again = false;
    const step = semaphore.run(() => runStep(deps, loop.ref, loop)).catch((err: unknown): StepOutcome => ({ kind: "retry", message: err instanceof Error ? err.message : String(err) }));
    loop.running = step.then((outcome) => {
      loop.running = undefined;
      settle(loop, outcome);
      if (loop.again && !loop.running && loops.get(keyOf(loop.ref)) === loop) kick(loop);
    });
  }

  function ensure(ref: DrillRef): Loop {
    const key = keyOf(ref);
    let loop = loops.get(key);
    if (!loop) loops.set(key, (loop = { ref, follow: createProbeFollow(), again: false, failures: 0, unreachable: false }));
    return loop;
  }

  /** Every drill of a cluster whose drills or reachability changed: non-final ones get a loop; every loop steps. */
  function scan(snapshot: FleetSnapshot): void {
    for (const cluster of snapshot.clusters) {
      const before = seen.get(cluster.name);
      const drills = cluster.objects.FailoverDrill;
      if (before && before.drills === drills && before.state === cluster.state) continue;
      seen.set(cluster.name, { drills, state: cluster.state });
      for (const object of drills.values()) {
        const drill = parseDrill(object);
        const namespace = object.metadata.namespace ?? "";
        const ref = { cluster: cluster.name, namespace, name: object.metadata.name };
        // A final drill with a loop still steps: the machine may have cleanup left (the probe Pod); one still
        // carrying the runner's finalizer steps to take it off.
        if (drill && !isFinal(drill)) deps.onDrillSeen?.();
        if ((drill && !isFinal(drill)) || loops.has(keyOf(ref)) || finalizedBy(object, DRILL_FINALIZER)) kick(ensure(ref));
      }
      // Loops of drills no longer listed (deleted) step once more: they find them gone.
      for (const loop of loops.values()) if (loop.ref.cluster === cluster.name && !drills.has(`${loop.ref.namespace}/${loop.ref.name}`)) kick(loop);
    }
  }

  const unsubscribe = deps.snapshots.subscribe(scan);
  const offLeader = deps.onLeaderChange?.((leading) => {
    if (!leading) return;
    seen.clear();
    scan(deps.snapshots.current());
    for (const loop of loops.values()) kick(loop);
  });
  scan(deps.snapshots.current());

  return {
    active: () => [...loops.values()].map((l) => l.ref),
    async stop() {
      stopped = true;
      unsubscribe();
      offLeader?.();
      for (const loop of loops.values()) clearTimeout(loop.timer);
      await Promise.all([...loops.values()].flatMap((l) => (l.running ? [l.running] : [])));
    },
  };
}
