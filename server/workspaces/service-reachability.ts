// The registry's consequences of a change, per service instead of per cluster: a cluster reaches a remote
// service through the ServiceEntry the planner generates for it there (its services annotation names the
// FQDNs it carries), so comparing the two plans' ServiceEntries tells which clusters gain or lose which service.
import { SERVICES_ANNOTATION, type DesiredObject } from "@/lib/plan/desired";
import { compareStrings } from "@/lib/plan/json";
import type { PlanResult } from "@/lib/plan/plan";
import type { ServiceReachability } from "@/lib/workspace-view/types";
import { NOTHING_HELD, type HeldByForeign } from "./foreign-holders";

type Where = { reachable: Set<string>; blocked: Set<string>; failover: Set<string> };

const nowhere = (): Where => ({ reachable: new Set<string>(), blocked: new Set<string>(), failover: new Set<string>() });

/**
 * fqdn → clusters whose plan has a ServiceEntry for it (and those where a foreign object holds its name), and
 * clusters whose plan gives its local instance a shadow WorkloadEntry (a remote instance to fail over to).
 */
function reachableFrom(result: PlanResult, held: HeldByForeign): Map<string, Where> {
  const out = new Map<string, Where>();
  for (const [cluster, objects] of Object.entries(result.clusters)) {
    for (const o of objects) {
      if (o.kind !== "ServiceEntry" && o.kind !== "WorkloadEntry") continue;
      const foreign = held(cluster, o);
      for (const fqdn of servicesOf(o)) {
        const where = out.get(fqdn) ?? nowhere();
        if (o.kind === "WorkloadEntry") {
          if (!foreign) where.failover.add(cluster);
        } else (foreign ? where.blocked : where.reachable).add(cluster);
        out.set(fqdn, where);
      }
    }
  }
  return out;
}

const servicesOf = (o: DesiredObject) => (o.metadata.annotations[SERVICES_ANNOTATION] ?? "").split(",").filter((s) => s !== "");
const sorted = (values: Iterable<string>) => [...values].sort(compareStrings);

/**
 * Services whose reachability `after` changes against `before`, sorted by FQDN. `held` marks planned names an
 * object not made by the console holds: those clusters are `blocked` (the registry writes nothing there), never gained.
 */
export function serviceReachability(before: PlanResult, after: PlanResult, held: HeldByForeign = NOTHING_HELD): ServiceReachability[] {
  const was = reachableFrom(before, NOTHING_HELD);
  const will = reachableFrom(after, held);
  const out: ServiceReachability[] = [];
  for (const fqdn of sorted(new Set([...was.keys(), ...will.keys()]))) {
    const w = was.get(fqdn) ?? nowhere();
    const b = w.reachable;
    const a = will.get(fqdn) ?? nowhere();
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
