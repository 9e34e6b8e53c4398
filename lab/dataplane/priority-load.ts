// Envoy's priority load (source/common/upstream/load_balancer_impl.cc, recalculatePerPriorityState and
// recalculatePerPriorityPanic), for healthy hosts (the lab has no degraded ones):
//   - a priority's health = min(100, overprovisioning factor (140 %) × healthy / total), in integer percent;
//   - normalized total health = min(100, Σ health);
//   - priority i gets min(what is left of 100, health_i × 100 / normalized total) percent of the requests, and the
//     rounding remainder goes to the first priority with any health;
//   - nothing healthy anywhere: with panic disabled (Istio sets the panic threshold to the DestinationRule's
//     minHealthPercent, 0 unless set) all load sits on P0, where no host can be picked, so the request fails with
//     "no healthy upstream"; with a threshold, every priority is in panic and load follows host counts.
// So P0 keeps every request until fewer than ~71.4 % of its hosts are healthy, then spills in proportion.
export const OVERPROVISIONING_FACTOR = 140;

export interface PriorityHosts {
  healthy: number;
  total: number;
}

export interface PriorityLoad {
  /** Percent of requests per priority; sums to 100. */
  load: number[];
  /** Per priority: in panic (the load balancer then picks among all its hosts, healthy or not). */
  panic: boolean[];
}

export function priorityHealth({ healthy, total }: PriorityHosts, factor = OVERPROVISIONING_FACTOR): number {
  return total === 0 ? 0 : Math.min(100, Math.floor((factor * healthy) / total));
}

function totalPanicLoad(levels: PriorityHosts[]): number[] {
  const hosts = levels.reduce((sum, l) => sum + l.total, 0);
  const load = levels.map(() => 0);
  if (hosts === 0) {
    load[0] = 100;
    return load;
  }
  let left = 100;
  levels.forEach((l, i) => {
    load[i] = Math.floor((100 * l.total) / hosts);
    left -= load[i] ?? 0;
  });
  const first = levels.findIndex((l) => l.total > 0);
  load[first] = (load[first] ?? 0) + left;
  return load;
}

/** The priority load of a priority set; `panicThreshold` in percent (Envoy's default 50, Istio's 0 = off). */
export function priorityLoad(levels: PriorityHosts[], panicThreshold = 0, factor = OVERPROVISIONING_FACTOR): PriorityLoad {
  if (levels.length === 0) return { load: [], panic: [] };
  const health = levels.map((l) => priorityHealth(l, factor));
  const normalized = Math.min(100, health.reduce((a, b) => a + b, 0));
  const load = levels.map(() => 0);
  if (normalized === 0 && panicThreshold === 0) {
    load[0] = 100;
    return { load, panic: levels.map(() => false) };
  }
  if (normalized > 0) {
    let left = 100;
    health.forEach((h, i) => {
      load[i] = Math.min(left, Math.floor((h * 100) / normalized));
      left -= load[i] ?? 0;
    });
    const first = health.findIndex((h) => h > 0);
    load[first] = (load[first] ?? 0) + left;
  }
  // Never panic while the set as a whole is healthy enough; otherwise a level below the threshold panics.
  const panic = levels.map((l) => normalized !== 100 && (l.total === 0 ? 0 : (100 * l.healthy) / l.total) < panicThreshold);
  if (panic.every(Boolean)) return { load: totalPanicLoad(levels), panic };
  return { load, panic };
}

/** The priority a request goes to, for `roll` uniform in [0, 100) (Envoy: a random hash modulo 100). */
export function choosePriority(load: number[], roll: number): number {
  let cumulative = 0;
  for (let i = 0; i < load.length; i++) {
    cumulative += load[i] ?? 0;
    if (roll < cumulative) return i;
  }
  return Math.max(0, load.length - 1);
}
