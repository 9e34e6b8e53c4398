// The registry's consequences of a change, per service instead of per cluster: a cluster reaches a remote
// service through the ServiceEntry the planner generates for it there (its services annotation names the
// FQDNs it carries), so comparing the ServiceEntries before and after tells which clusters gain or lose which
// service. Only services the delta touches (or a foreign object blocks) can move, so only those are compared.
import { objectId, type DesiredObject } from "@/lib/plan/desired";
import { compareStrings } from "@/lib/plan/json";
import type { PlanDelta, PlanResult } from "@/lib/plan/plan-delta";
import type { Steps } from "@/lib/steps";
import type { ServiceReachability } from "@/lib/workspace-view/types";
import { NOTHING_HELD, type HeldByForeign } from "./foreign-holders";
import { planChanges, type PlanChanges } from "./plan-changes";
import { carryingIn, clusterIndex, isMesh, servicesOf } from "./plan-index";
import { runSliced } from "./time-slice";

type Where = { reachable: Set<string>; blocked: Set<string>; failover: Set<string> };

const nowhere = (): Where => ({ reachable: new Set<string>(), blocked: new Set<string>(), failover: new Set<string>() });
const sorted = (values: Iterable<string>) => [...values].sort(compareStrings);

/** Services whose ServiceEntries or WorkloadEntries change somewhere, or that a foreign object holds after the change. */
function* touched(changes: PlanChanges, held: HeldByForeign): Steps<Set<string>> {
  const out = new Set<string>();
  const add = (o: DesiredObject) => {
    if (isMesh(o)) for (const fqdn of servicesOf(o)) out.add(fqdn);
  };
  for (const cluster of changes.changed) {
    yield;
    const change = changes.change(cluster);
    if (!change) continue;
    change.removed.forEach(add);
    for (const o of change.upserts) {
      add(o);
      const was = change.before.byId.get(objectId(o));
      if (was) add(was);
    }
  }
  for (const cluster of changes.clusters) {
    yield;
    held.all(cluster).forEach(add);
  }
  return out;
}

/** Where `fqdn` is reachable (and where it fails over) before the change: nothing is held in the plan as it is. */
function wasOf(before: PlanResult, fqdn: string): Where {
  const where = nowhere();
  for (const [cluster, objects] of Object.entries(before.clusters)) {
    const { se, we } = carryingIn(clusterIndex(objects), fqdn);
    if (se.length > 0) where.reachable.add(cluster);
    if (we.length > 0) where.failover.add(cluster);
  }
  return where;
}

/** After the change; a ServiceEntry held by a foreign object makes its cluster `blocked`, a held WorkloadEntry no failover. */
function willOf(changes: PlanChanges, fqdn: string, held: HeldByForeign): Where {
  const where = nowhere();
  for (const cluster of changes.clusters) {
    const { se, we } = changes.carrying(cluster, fqdn);
    for (const o of se) (held.of(cluster, o) ? where.blocked : where.reachable).add(cluster);
    if (we.some((o) => !held.of(cluster, o))) where.failover.add(cluster);
  }
  return where;
}

/**
 * Services whose reachability the change moves, sorted by FQDN. `held` marks planned names an object not made
 * by the console holds: those clusters are `blocked` (the registry writes nothing there), never gained.
 */
export function serviceReachability(before: PlanResult, delta: PlanDelta, held: HeldByForeign = NOTHING_HELD): Promise<ServiceReachability[]> {
  return runSliced(serviceReachabilitySteps(before, delta, held));
}

/** serviceReachability in steps (lib/steps.ts): the planner worker drains it, the event loop runs it sliced. */
export function* serviceReachabilitySteps(before: PlanResult, delta: PlanDelta, held: HeldByForeign = NOTHING_HELD): Steps<ServiceReachability[]> {
  const changes = planChanges(before, delta);
  const out: ServiceReachability[] = [];
  for (const fqdn of sorted(yield* touched(changes, held))) {
    yield;
    const w = wasOf(before, fqdn);
    const b = w.reachable;
    const a = willOf(changes, fqdn, held);
    const gained = sorted([...a.reachable].filter((c) => !b.has(c)));
    const lost = sorted([...b].filter((c) => !a.reachable.has(c) && !a.blocked.has(c)));
    const blocked = sorted(a.blocked);
    const failoverGained = sorted([...a.failover].filter((c) => !w.failover.has(c)));
    const failoverLost = sorted([...w.failover].filter((c) => !a.failover.has(c)));
    if (gained.length + lost.length + blocked.length + failoverGained.length + failoverLost.length === 0) continue;
    out.push({ fqdn, gained, lost, kept: sorted([...a.reachable].filter((c) => b.has(c))), blocked, failoverGained, failoverLost });
  }
  return out;
}
