// Envoy's outlier detector for one upstream cluster of one sidecar (source/common/upstream/outlier_detection_impl.cc):
//   - every response is reported per host: a 5xx counts towards consecutive 5xx, a 502/503/504 also towards
//     consecutive gateway errors, anything else resets both; a local-origin failure (connect failure, reset,
//     timeout) is reported as a 503, since Istio does not split local and external errors;
//   - reaching a threshold (0 = that detection is off) tries to eject the host and resets that counter; the
//     ejection happens only if the ejected share *including this host* stays within maxEjectionPercent
//     (`100 × (active + 1) / hosts ≤ max`, Envoy since the fix of envoyproxy/envoy#26877 in 2023; Istio does not set
//     `always_eject_one_host`, which would allow a first ejection regardless). So with Istio's default 10 % a
//     cluster of fewer than 10 hosts — one local pod and a remote gateway's WorkloadEntry are 2 — ejects nothing,
//     and a failing pod keeps its traffic; XCP's rule (100 %) ejects it. The hosts are all of the cluster's, in
//     every priority;
//   - an ejected host stays out for baseEjectionTime × its ejection multiplier (capped at max(base, 300 s)); it is
//     let back at the first tick of the interval timer after that time; each tick it then spends un-ejected lowers
//     the multiplier by one.
// Time is passed in (ms), so the state is computed lazily at each call instead of on timers.
import type { OutlierPolicy } from "./types";

export const MAX_EJECTION_TIME_MS = 300_000;

export type Outcome = { kind: "response"; status: number } | { kind: "local-failure" };

interface HostState {
  consecutive5xx: number;
  consecutiveGateway: number;
  multiplier: number;
  /** Set while ejected: when the interval timer lets it back. */
  returnsAt?: number;
  /** The tick at which the multiplier was last brought up to date. */
  settledTick: number;
}

export class OutlierDetector {
  private readonly hosts = new Map<string, HostState>();
  private policy: OutlierPolicy;
  private createdAt: number;

  constructor(policy: OutlierPolicy, now: number) {
    this.policy = policy;
    this.createdAt = now;
  }

  /** The cluster's policy and hosts after a push: a changed policy is a new cluster (fresh state), gone hosts are forgotten. */
  update(policy: OutlierPolicy, hostKeys: Iterable<string>, now: number): void {
    const p = this.policy;
    if (p.consecutive5xxErrors !== policy.consecutive5xxErrors || p.consecutiveGatewayErrors !== policy.consecutiveGatewayErrors
      || p.intervalMs !== policy.intervalMs || p.baseEjectionTimeMs !== policy.baseEjectionTimeMs || p.maxEjectionPercent !== policy.maxEjectionPercent) {
      this.policy = policy;
      this.createdAt = now;
      this.hosts.clear();
    }
    const keep = new Set(hostKeys);
    for (const key of [...this.hosts.keys()]) if (!keep.has(key)) this.hosts.delete(key);
    for (const key of keep) if (!this.hosts.has(key)) this.hosts.set(key, { consecutive5xx: 0, consecutiveGateway: 0, multiplier: 0, settledTick: this.tick(now) });
  }

  isEjected(key: string, now: number): boolean {
    const host = this.hosts.get(key);
    if (!host) return false;
    this.settle(host, now);
    return host.returnsAt !== undefined;
  }

  ejectedCount(now: number): number {
    let n = 0;
    for (const key of this.hosts.keys()) if (this.isEjected(key, now)) n++;
    return n;
  }

  /** Reports one request's outcome on a host; true when it ejected the host. */
  record(key: string, outcome: Outcome, now: number): boolean {
    const host = this.hosts.get(key);
    if (!host || this.isEjected(key, now)) return false;
    const status = outcome.kind === "local-failure" ? 503 : outcome.status;
    if (status < 500 || status > 599) {
      host.consecutive5xx = 0;
      host.consecutiveGateway = 0;
      return false;
    }
    let trip = false;
    if (status >= 502 && status <= 504) {
      if (++host.consecutiveGateway === this.policy.consecutiveGatewayErrors) {
        host.consecutiveGateway = 0;
        trip = true;
      }
    } else host.consecutiveGateway = 0;
    if (++host.consecutive5xx === this.policy.consecutive5xxErrors) {
      host.consecutive5xx = 0;
      trip = true;
    }
    return trip && this.eject(host, now);
  }

  private eject(host: HostState, now: number): boolean {
    const active = this.ejectedCount(now);
    if ((100 * (active + 1)) / this.hosts.size > this.policy.maxEjectionPercent) return false;
    const { baseEjectionTimeMs: base, intervalMs } = this.policy;
    host.multiplier = Math.min(host.multiplier + 1, Math.max(1, Math.floor(Math.max(base, MAX_EJECTION_TIME_MS) / base)));
    const until = now + Math.min(base * host.multiplier, Math.max(base, MAX_EJECTION_TIME_MS));
    // Let back at the first interval tick at or after `until`.
    host.returnsAt = this.createdAt + Math.ceil((until - this.createdAt) / intervalMs) * intervalMs;
    host.consecutive5xx = 0;
    host.consecutiveGateway = 0;
    return true;
  }

  private tick(now: number): number {
    return Math.floor((now - this.createdAt) / this.policy.intervalMs);
  }

  /** Applies the interval ticks since the host was last looked at: the return, then one multiplier step per tick. */
  private settle(host: HostState, now: number): void {
    const tick = this.tick(now);
    if (host.returnsAt !== undefined) {
      if (now < host.returnsAt) return;
      host.settledTick = Math.round((host.returnsAt - this.createdAt) / this.policy.intervalMs);
      host.returnsAt = undefined;
    }
    if (tick > host.settledTick) {
      host.multiplier = Math.max(0, host.multiplier - (tick - host.settledTick));
      host.settledTick = tick;
    }
  }
}
