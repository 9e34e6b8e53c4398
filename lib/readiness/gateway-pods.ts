// How many of an east-west gateway's pods are ready, from the fleet snapshot: the pods in the gateway's namespace
// carrying every label its Service selects (the installer's `app=<name>`), not being deleted. A pod is ready when
// its Ready condition is True — the kubelet's verdict that the Service may send it traffic; a gateway with
// published addresses and no ready pod accepts nothing on them.
import type { CachedObject, FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { PlanInput } from "@/lib/plan/input";

export type GatewayPods = { ready: number; total: number; crashLooping: number };

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Rec) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function podReady(pod: CachedObject): boolean {
  return arr(rec(pod.status)?.conditions).some((c) => rec(c)?.type === "Ready" && rec(c)?.status === "True");
}

/** A container waiting in CrashLoopBackOff (the kubelet's back-off after repeated failures). */
export function podCrashLooping(pod: CachedObject): boolean {
  return arr(rec(pod.status)?.containerStatuses).some((s) => rec(rec(rec(s)?.state)?.waiting)?.reason === "CrashLoopBackOff");
}

/** Counts the live pods of `pods` in `namespace` that carry every label of `labels`. */
export function countPods(pods: Iterable<CachedObject>, namespace: string, labels: Readonly<Record<string, string>>): GatewayPods {
  const wanted = Object.entries(labels);
  let ready = 0;
  let total = 0;
  let crashLooping = 0;
  for (const p of pods) {
    if (p.metadata.namespace !== namespace || p.metadata.deletionTimestamp) continue;
    if (!wanted.every(([k, v]) => p.metadata.labels?.[k] === v)) continue;
    total += 1;
    if (podReady(p)) ready += 1;
    if (podCrashLooping(p)) crashLooping += 1;
  }
  return { ready, total, crashLooping };
}

/** The key `gatewayPodsOf` answers under. */
export const gatewayKey = (cluster: string, namespace: string, name: string) => `${cluster}/${namespace}/${name}`;

/** Pod counts of every gateway of the planner's input, keyed by `gatewayKey`, from the snapshot the input came from. */
export function gatewayPodsOf(snapshot: FleetSnapshot, input: Pick<PlanInput, "clusters">): Map<string, GatewayPods> {
  const out = new Map<string, GatewayPods>();
  for (const cluster of input.clusters) {
    const pods = snapshot.clusters.find((c) => c.name === cluster.name)?.objects.Pod;
    if (!pods || cluster.gateways.length === 0) continue;
    const all = [...pods.values()];
    for (const g of cluster.gateways) out.set(gatewayKey(cluster.name, g.namespace, g.name), countPods(all, g.namespace, g.podLabels));
  }
  return out;
}
