// One upstream cluster (host:port) as one sidecar's Envoy holds it: the priorities last pushed, the outlier
// detector's state, and round robin among the hosts of a priority. Picking a host is Envoy's order: the priority
// from the priority load (priority-load.ts, over the hosts not ejected), then round robin among that priority's
// hosts that are not ejected, skipping hosts this request already tried when another is left (Istio's default
// retry policy sets the previous_hosts retry predicate).
import { OutlierDetector, type Outcome } from "./outlier-detector";
import { choosePriority, priorityLoad } from "./priority-load";
import type { MeshEndpoint, Resolution } from "./types";

type Routed = Extract<Resolution, { ok: true }>;

/** Envoy keys a host by its address. */
export const hostKey = (endpoint: MeshEndpoint): string => `${endpoint.address}:${endpoint.port}`;

export class UpstreamCluster {
  private resolution: Routed;
  private readonly detector: OutlierDetector;
  private readonly turns: number[] = [];

  constructor(resolution: Routed, now: number) {
    this.resolution = resolution;
    this.detector = new OutlierDetector(resolution.outlier, now);
    this.detector.update(resolution.outlier, resolution.priorities.flat().map(hostKey), now);
  }

  /** Takes the latest push (the view hands out the same object until something changed). */
  refresh(resolution: Routed, now: number): void {
    if (resolution === this.resolution) return;
    this.resolution = resolution;
    this.detector.update(resolution.outlier, resolution.priorities.flat().map(hostKey), now);
  }

  /** The host for one attempt, or undefined when the chosen priority has no host left (no healthy upstream). */
  pick(roll: number, tried: ReadonlySet<string>, now: number): MeshEndpoint | undefined {
    const { priorities } = this.resolution;
    if (priorities.length === 0) return undefined;
    const healthy = priorities.map((hosts) => hosts.filter((h) => !this.detector.isEjected(hostKey(h), now)));
    const { load } = priorityLoad(priorities.map((hosts, i) => ({ healthy: healthy[i]?.length ?? 0, total: hosts.length })));
    const chosen = choosePriority(load, roll);
    const hosts = healthy[chosen] ?? [];
    if (hosts.length === 0) return undefined;
    const fresh = hosts.filter((h) => !tried.has(hostKey(h)));
    const pool = fresh.length > 0 ? fresh : hosts;
    const turn = this.turns[chosen] ?? 0;
    this.turns[chosen] = turn + 1;
    return pool[turn % pool.length];
  }

  /** Reports an attempt's outcome to outlier detection; true when it ejected the host. */
  report(endpoint: MeshEndpoint, outcome: Outcome, now: number): boolean {
    return this.detector.record(hostKey(endpoint), outcome, now);
  }

  isEjected(endpoint: MeshEndpoint, now: number): boolean {
    return this.detector.isEjected(hostKey(endpoint), now);
  }
}
