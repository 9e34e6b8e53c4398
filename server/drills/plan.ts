// What a drill will do, for the confirmation: what is scaled (or faulted) where, for how long, where traffic is
// expected to go, the precheck as the machine will run it, and whether the CRD must be installed first.
import { formatSeconds } from "@/lib/drills/duration";
import { precheck } from "@/lib/drills/precheck";
import type { CheckedInput } from "./input-checks";
import type { DrillPlan } from "./types";

type Checked = Extract<CheckedInput, { ok: true }>;

function trafficSentence(checked: Checked): string {
  const { drill, world, failover, seconds } = checked;
  const { service, fault } = drill.spec;
  const cluster = world.cluster;
  const during = fault === "ScaleToZero" ? `while ${service} has no pod in ${cluster}` : `while ${service}'s pods in ${cluster} answer 503`;
  const ready = failover.remotes.filter((r) => r.ready);
  const goes = ready.length > 0 ? `${cluster}'s requests to ${service} should go to ${ready.map((r) => `${r.cluster} through ${r.gateway}`).join(", then ")}` : `no other cluster can take ${cluster}'s requests to ${service} now (the precheck stops the drill before any fault)`;
  return `${during[0]?.toUpperCase() ?? ""}${during.slice(1)}, ${goes}; everything is restored after ${formatSeconds(seconds)} at the latest, or at once on Abort.`;
}

export function planOf(checked: Checked, crd: "installed" | "missing-will-install"): DrillPlan {
  const { world, drill } = checked;
  const scaleToZero = drill.spec.fault === "ScaleToZero";
  return {
    ok: true,
    crd,
    deployments: scaleToZero ? world.deployments.filter((d) => d.replicas > 0).map((d) => ({ name: d.name, replicas: d.replicas })) : [],
    pods: scaleToZero ? [] : world.pods.map((p) => p.name),
    maxDurationSeconds: checked.seconds,
    remotes: checked.failover.remotes,
    traffic: trafficSentence(checked),
    checks: precheck(world).map((c) => ({ name: c.name, ok: c.ok, message: c.message })),
  };
}
