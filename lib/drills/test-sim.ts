// A fake cluster and data plane that run a drill through stepDrill the way the runner does: apply the step (status
// first, then actions), let time pass until the step asks to be called again, and let the probe record who served
// meanwhile. Deterministic: time is simulated. Not a test file itself; imported by machine*.test.ts.
import { TICK_MS } from "./drill-timing";
import { stepDrill } from "./machine";
import type { DrillStep, DrillWorld, ProbeSample } from "./machine-types";
import type { DrillStatus } from "./schema";
import { apply } from "./test-world";

export type SimOptions = {
  /** Where traffic goes when the local instance is down: "east" answers, or every request fails. */
  remote: "east" | "broken";
  /** How long the mesh takes to notice a change of the local instance (push, ejection), ms. */
  lagMs?: number;
  /** Restored Deployments never become ready. */
  neverReady?: boolean;
  /** Called before each step: edits the world (abort, a crash's lost step, someone scaling…). */
  before?: (world: DrillWorld) => DrillWorld;
  maxSteps?: number;
  /** The cluster's clock minus the console's (the samples' `at` carry the cluster's), ms. */
  skewMs?: number;
  /** Steps (by index) whose actions are lost: the runner wrote the status and died before acting. */
  dropActionsAt?: readonly number[];
};

export type SimResult = { world: DrillWorld; steps: DrillStep[]; phases: string[]; /** The stored status each step was decided from. */ stored: (DrillStatus | undefined)[]; /** The world each step was decided from. */ worlds: DrillWorld[] };

const localUp = (world: DrillWorld): boolean =>
  world.drill.spec.fault === "ScaleToZero" ? world.deployments.some((d) => d.readyReplicas > 0) : world.pods.some((p) => p.ready && !p.faulted);

/** Runs until a final phase (or maxSteps), recording the probe's samples as the simulated time passes. */
export function simulate(start: DrillWorld, options: SimOptions): SimResult {
  const lag = options.lagMs ?? 1000;
  const changes: { at: number; up: boolean }[] = [{ at: -Infinity, up: localUp(start) }];
  const upAt = (at: number) => [...changes].reverse().find((c) => c.at <= at - lag)?.up ?? true;
  let world = start;
  const steps: DrillStep[] = [];
  const phases: string[] = [];
  const stored: (DrillStatus | undefined)[] = [];
  const worlds: DrillWorld[] = [];
  for (let i = 0; i < (options.maxSteps ?? 2000); i++) {
    if (options.before) world = options.before(world);
    const step = stepDrill(world);
    steps.push(step);
    stored.push(world.drill.status);
    worlds.push(world);
    const phase = step.status.phase ?? "Pending";
    if (phases.at(-1) !== phase) phases.push(phase);
    const probeBefore = world.probe.exists;
    world = apply(world, options.dropActionsAt?.includes(i) ? { ...step, actions: [] } : step);
    if (!options.neverReady) world = { ...world, deployments: world.deployments.map((d) => ({ ...d, readyReplicas: d.replicas })) };
    if (localUp(world) !== changes.at(-1)?.up) changes.push({ at: world.now, up: localUp(world) });
    if (["Succeeded", "Failed", "Aborted"].includes(phase) && step.actions.length === 0) break;
    const next = world.now + (step.recheckAfterMs ?? TICK_MS);
    const from = probeBefore ? world.now : world.now + 500;
    world = { ...world, now: next, probe: world.probe.exists ? { ...world.probe, samples: [...world.probe.samples, ...samples(from, next, upAt, options.remote).map((x) => ({ ...x, at: x.at + (options.skewMs ?? 0) }))] } : world.probe };
  }
  return { world, steps, phases, stored, worlds };
}

function samples(from: number, to: number, upAt: (at: number) => boolean, remote: SimOptions["remote"]): ProbeSample[] {
  const out: ProbeSample[] = [];
  for (let at = Math.ceil(from / 200) * 200; at < to; at += 200) {
    if (upAt(at)) out.push({ at, ok: true, status: 200, latencyMs: 4, servedByCluster: "west" });
    else if (remote === "east") out.push({ at, ok: true, status: 200, latencyMs: 30, servedByCluster: "east" });
    else out.push({ at, ok: false, status: 503, latencyMs: 1, error: "no healthy upstream" });
  }
  return out;
}
