// The delta-read consequences (clusterConsequences, serviceReachability, lossSentences from the current plan and a
// fork's PlanDelta) equal what comparing the two whole plans said before the fleet model existed: the whole-plan
// versions are kept here as the oracle, and random changes of the seed fleet (exposure, gateways, clusters coming
// and going, foreign objects under planned names, local endpoints) must read the same through both.
import { describe, expect, it } from "vitest";
import { objectId, SERVICES_ANNOTATION, SOURCE_CLUSTERS_ANNOTATION, type DesiredObject } from "@/lib/plan/desired";
import type { PlanInput } from "@/lib/plan/input";
import { compareStrings, stableStringify } from "@/lib/plan/json";
import type { PlanResult } from "@/lib/plan/plan";
import { BOOKINFO, seedInput } from "@/lib/plan/test-fixtures";
import { defaultScope, ownershipOf } from "@/lib/registry/compare";
import { liveById, observedIndex } from "@/lib/registry/observed-index";
import { live } from "@/lib/registry/test-helpers";
import type { ObservedCluster } from "@/lib/registry/types";
import { clusterConsequences, lossSentences, type LocalEndpointsOf } from "./consequences";
import { heldByForeign } from "./foreign-holders";
import { serviceReachability } from "./service-reachability";
import { forkOf } from "./test/plan-fork";

type Held = (cluster: string, o: DesiredObject) => boolean;
const list = (o: DesiredObject, key: string) => (o.metadata.annotations[key] ?? "").split(",").filter((s) => s !== "");

function oracleHeld(observed: readonly ObservedCluster[], after: PlanResult): Held {
  const byCluster = new Map(observed.map((c) => [c.name, c]));
  return (cluster, planned) => {
    const seen = byCluster.get(cluster);
    const found = seen ? liveById(observedIndex(seen.objects), objectId(planned)) : undefined;
    return found !== undefined && !ownershipOf(found, defaultScope(after.clusters[cluster] ?? [])).owned;
  };
}

function oracleClusters(before: PlanResult, after: PlanResult, held: Held) {
  const names = (objects: readonly DesiredObject[] | undefined, kind: string) => new Map((objects ?? []).filter((o) => o.kind === kind).map((o) => [`${o.metadata.namespace}/${o.metadata.name}`, o]));
  const compare = (cluster: string, kind: string) => {
    const b = names(before.clusters[cluster], kind);
    const a = names(after.clusters[cluster], kind);
    const blocked = [...a.entries()].filter(([, o]) => held(cluster, o)).map(([k]) => k).sort();
    const free = [...a.keys()].filter((k) => !blocked.includes(k));
    return { added: free.filter((k) => !b.has(k)).sort(), removed: [...b.keys()].filter((k) => !a.has(k)).sort(), unchanged: free.filter((k) => b.has(k)).length, blocked };
  };
  const clusters = [...new Set([...Object.keys(before.clusters), ...Object.keys(after.clusters)])].sort();
  return clusters.map((cluster) => ({ cluster, serviceEntries: compare(cluster, "ServiceEntry"), workloadEntries: compare(cluster, "WorkloadEntry") }));
}

function oracleReachability(before: PlanResult, after: PlanResult, held: Held) {
  type Where = { reachable: Set<string>; blocked: Set<string>; failover: Set<string> };
  const nowhere = (): Where => ({ reachable: new Set(), blocked: new Set(), failover: new Set() });
  const where = (result: PlanResult, h: Held) => {
    const out = new Map<string, Where>();
    for (const [cluster, objects] of Object.entries(result.clusters)) {
      for (const o of objects.filter((x) => x.kind === "ServiceEntry" || x.kind === "WorkloadEntry")) {
        for (const fqdn of list(o, SERVICES_ANNOTATION)) {
          const w = out.get(fqdn) ?? nowhere();
          if (o.kind === "WorkloadEntry") {
            if (!h(cluster, o)) w.failover.add(cluster);
          } else (h(cluster, o) ? w.blocked : w.reachable).add(cluster);
          out.set(fqdn, w);
        }
      }
    }
    return out;
  };
  const sorted = (v: Iterable<string>) => [...v].sort(compareStrings);
  const was = where(before, () => false);
  const will = where(after, held);
  return sorted(new Set([...was.keys(), ...will.keys()])).flatMap((fqdn) => {
    const w = was.get(fqdn) ?? nowhere();
    const a = will.get(fqdn) ?? nowhere();
    const gained = sorted([...a.reachable].filter((c) => !w.reachable.has(c)));
    const lost = sorted([...w.reachable].filter((c) => !a.reachable.has(c) && !a.blocked.has(c)));
    const failoverGained = sorted([...a.failover].filter((c) => !w.failover.has(c)));
    const failoverLost = sorted([...w.failover].filter((c) => !a.failover.has(c)));
    if (gained.length + lost.length + a.blocked.size + failoverGained.length + failoverLost.length === 0) return [];
    return [{ fqdn, gained, lost, kept: sorted([...a.reachable].filter((c) => w.reachable.has(c))), blocked: sorted(a.blocked), failoverGained, failoverLost }];
  });
}

function oracleLosses(before: PlanResult, after: PlanResult, source: string, local: LocalEndpointsOf): string[] {
  const out = new Set<string>();
  for (const [cluster, objects] of Object.entries(before.clusters)) {
    const left = after.clusters[cluster] ?? [];
    const remaining = new Map(left.map((o) => [objectId(o), o]));
    for (const o of objects) {
      const now = remaining.get(objectId(o));
      if (o.kind === "WorkloadEntry" && !now && list(o, SOURCE_CLUSTERS_ANNOTATION).includes(source)) {
        for (const fqdn of list(o, SERVICES_ANNOTATION)) {
          const here = local(cluster, fqdn);
          const remote = left.some((x) => x.kind === "WorkloadEntry" && list(x, SERVICES_ANNOTATION).includes(fqdn));
          if (here !== undefined && here.ready === 0 && !remote) {
            const endpoints = here.total === 0 ? "it has no local endpoints" : here.total === 1 ? "its one local endpoint is not ready" : `none of its ${here.total} local endpoints is ready`;
            out.add(`${fqdn} becomes unreachable in ${cluster}: ${endpoints}, and ${source}'s is its only working instance.`);
          } else out.add(`${fqdn} in ${cluster} loses its ${source} instance (no failover to ${source}).`);
        }
      } else if (o.kind === "ServiceEntry" && !now) {
        for (const fqdn of list(o, SERVICES_ANNOTATION)) out.add(`${cluster} can no longer reach ${fqdn} (its ServiceEntry ${o.metadata.namespace}/${o.metadata.name} is removed).`);
      } else if (o.kind === "ServiceEntry" && now && stableStringify(now.spec) !== stableStringify(o.spec) && list(o, SOURCE_CLUSTERS_ANNOTATION).includes(source)) {
        for (const fqdn of list(o, SERVICES_ANNOTATION)) out.add(`${cluster} reaches ${fqdn} without ${source}'s gateway (fewer remote instances).`);
      }
    }
  }
  const grave = (t: string) => (t.includes(" becomes unreachable in ") ? 0 : 1);
  return [...out].sort((a, b) => grave(a) - grave(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** A small deterministic PRNG (mulberry32), so a failure names a reproducible seed. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { chance: (p: number) => next() < p, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T, some: <T>(xs: readonly T[]) => xs.filter(() => next() < 0.5) };
}

const FQDN = (s: string) => `${s}.bookinfo.svc.cluster.local`;

function randomInput(r: ReturnType<typeof random>): PlanInput {
  const exposed = r.chance(0.2) ? "absent" : r.some(BOOKINFO).map(FQDN);
  const input = seedInput({ exposed, north: r.chance(0.5) ? ["productpage", ...r.some(BOOKINFO)] : ["productpage"], northGateway: r.chance(0.5) });
  const clusters = input.clusters.filter((c) => c.name !== "north" || !r.chance(0.15)).map((c) => (r.chance(0.15) ? { ...c, gateways: [] } : c));
  return { ...input, clusters };
}

/** What the random cases exercised, checked at the end so the comparison is never vacuous. */
const seen = { blocked: 0, losses: 0, reachability: 0, removedClusters: 0, newClusters: 0 };

describe("consequences from the delta equal the whole-plan comparison", () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))("seed %i", async (seed) => {
    const r = random(seed);
    const { before, after, delta } = await forkOf(randomInput(r), () => randomInput(r));
    // Some planned names live, some held by foreign objects (every mark but ours missing).
    const observed: ObservedCluster[] = Object.entries(after.clusters).map(([name, objects]) => ({
      name,
      stale: false,
      objects: objects.filter(() => r.chance(0.3)).map((o) => (r.chance(0.4) ? live(o, { managers: [] }) : live(o))),
    }));
    const states = [undefined, { ready: 0, total: 0 }, { ready: 0, total: 2 }, { ready: 1, total: 2 }];
    const local: LocalEndpointsOf = (cluster, fqdn) => states[(cluster.length + fqdn.length) % states.length];
    const held = heldByForeign(observed, after);
    const oracle = oracleHeld(observed, after);
    expect(await clusterConsequences(before, delta, held)).toEqual(oracleClusters(before, after, oracle));
    expect(await clusterConsequences(before, delta)).toEqual(oracleClusters(before, after, () => false));
    expect(await serviceReachability(before, delta, held)).toEqual(oracleReachability(before, after, oracle));
    expect(await serviceReachability(before, delta)).toEqual(oracleReachability(before, after, () => false));
    for (const source of ["west", "east", "north"]) expect(await lossSentences(before, delta, source, local)).toEqual(oracleLosses(before, after, source, local));
    seen.blocked += (await clusterConsequences(before, delta, held)).some((c) => c.serviceEntries.blocked.length + c.workloadEntries.blocked.length > 0) ? 1 : 0;
    seen.losses += (await lossSentences(before, delta, "east", local)).length > 0 ? 1 : 0;
    seen.reachability += (await serviceReachability(before, delta)).length > 0 ? 1 : 0;
    seen.removedClusters += delta.removedClusters.length > 0 ? 1 : 0;
    seen.newClusters += Object.values(delta.clusters).some((d) => d.kind === "replace") ? 1 : 0;
  });

  it("exercised blocked names, lost instances, moved services and clusters coming and going", () => {
    expect(Object.values(seen).every((n) => n > 0), JSON.stringify(seen)).toBe(true);
  });
});
