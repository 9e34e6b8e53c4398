// A drill on details in west of the demo fleet, as the runner would observe it, with small edits; and a driver
// that plays the runner (write the status, carry out the actions on the fake world) so the machine's tests can
// follow a drill from Pending to its end. Not a test file itself; imported by the *.test.ts files of lib/drills.
import type { DrillAction, DrillStep, DrillWorld, ProbeSample } from "./machine-types";
import { failoverDrillSchema, type DrillStatus, type FailoverDrill } from "./schema";

export const T0 = Date.parse("2026-12-05T01:00:00Z");

export function drillOf(spec: Partial<FailoverDrill["spec"]> = {}, status?: DrillStatus): FailoverDrill {
  return failoverDrillSchema.parse({
    apiVersion: "eastwest.dev/v1alpha1",
    kind: "FailoverDrill",
    metadata: { name: "details-20261205-010000", namespace: "bookinfo", uid: "drill-uid", generation: 1 },
    spec: { service: "details", ...spec },
    ...(status ? { status } : {}),
  });
}

export function worldOf(edit: Partial<DrillWorld> = {}): DrillWorld {
  return {
    now: T0,
    cluster: "west",
    drill: drillOf(),
    reachable: true,
    namespaceOptedIn: true,
    serviceExists: true,
    deployments: [{ name: "details-v1", uid: "dep-uid", replicas: 2, readyReplicas: 2 }],
    pods: [
      { name: "details-v1-a", uid: "pod-a", ready: true, faulted: false },
      { name: "details-v1-b", uid: "pod-b", ready: true, faulted: false },
    ],
    failRequestsSupported: true,
    failover: { targetExists: true, remoteReady: true, gatewaysReady: true, outlierDetection: true },
    otherRunning: [],
    probe: { exists: false, ready: false, samples: [] },
    ...edit,
  };
}

/** Samples every `stepMs` over [from, to): `who(at)` says who served ("west", "east") or "fail". */
export function samplesOver(from: number, to: number, who: (at: number) => string, stepMs = 200): ProbeSample[] {
  const out: ProbeSample[] = [];
  for (let at = from; at < to; at += stepMs) {
    const by = who(at);
    out.push(by === "fail" ? { at, ok: false, status: 503, latencyMs: 1, error: "no healthy upstream" } : { at, ok: true, status: 200, latencyMs: 5, servedByCluster: by });
  }
  return out;
}

/** Carries out a step on the fake world as the runner would: status first, then the actions. */
export function apply(world: DrillWorld, step: DrillStep): DrillWorld {
  const drill = { ...world.drill, status: step.status };
  let next: DrillWorld = { ...world, drill };
  for (const action of step.actions) next = act(next, action);
  return next;
}

function act(world: DrillWorld, action: DrillAction): DrillWorld {
  switch (action.type) {
    case "scale":
      return { ...world, deployments: world.deployments.map((d) => (d.name === action.deployment ? { ...d, replicas: action.replicas, readyReplicas: Math.min(d.readyReplicas, action.replicas) } : d)) };
    case "fault-pod":
      return { ...world, pods: world.pods.map((p) => (p.name === action.pod ? { ...p, faulted: action.on } : p)) };
    case "create-probe":
      return { ...world, probe: { exists: true, ready: true, samples: [] } };
    case "delete-probe":
      return { ...world, probe: { exists: false, ready: false, samples: [] } };
  }
}
