// Expected versus actual, per cluster: what is missing, extra or different (with the reason), and what exists
// under a planned name without being ours. The topology and workspace pages show it; in observe mode it is the
// whole job (a Tetrate control plane writes, the console only compares).
import type { PlanResult } from "@/lib/plan/plan";
import { compareCluster, type Comparison } from "./compare";
import type { OwnershipScopes } from "./ownership-scope";
import type { ObservedCluster, RegistryMode } from "./types";

export type ReportEntry = { kind: string; namespace: string; name: string; reason: string };

export type ClusterReport = {
  cluster: string;
  stale: boolean;
  expected: number;
  inSync: number;
  missing: ReportEntry[];
  extra: ReportEntry[];
  different: ReportEntry[];
  /** Objects under a planned name that are not provably ours (unplanned ones are a grouped condition). */
  foreign: ReportEntry[];
  /** Planned objects of kinds the snapshot does not carry: neither confirmed nor reported missing. */
  unverified: ReportEntry[];
};

function entry(c: Exclude<Comparison, { status: "same" }>): ReportEntry {
  if (c.status === "extra" || c.status === "foreign") return { kind: c.observed.kind, namespace: c.observed.namespace, name: c.observed.name, reason: c.reason };
  const { kind, metadata } = c.desired;
  return { kind, namespace: metadata.namespace, name: metadata.name, reason: c.reason };
}

export function clusterReport(cluster: string, stale: boolean, comparisons: Comparison[], unobserved: ReadonlySet<string> = new Set()): ClusterReport {
  const report: ClusterReport = { cluster, stale, expected: 0, inSync: 0, missing: [], extra: [], different: [], foreign: [], unverified: [] };
  for (const c of comparisons) {
    if (c.status === "foreign" && !c.desired) continue;
    if (c.status !== "extra") report.expected++;
    if (c.status === "same") report.inSync++;
    else if (c.status === "missing" && unobserved.has(c.desired.kind)) report.unverified.push({ ...entry(c), reason: `${c.desired.kind} is not observed in this cluster` });
    else report[c.status].push(entry(c));
  }
  return report;
}

/** One report per planned cluster (sorted as the plan is); a stale cluster is compared with its last known state. */
export function expectedVsActual(plan: PlanResult, observed: readonly ObservedCluster[], mode: RegistryMode, scopes?: OwnershipScopes): ClusterReport[] {
  const byName = new Map(observed.map((c) => [c.name, c]));
  const held = new Set(plan.heldBack.map((h) => h.cluster));
  return Object.entries(plan.clusters).map(([cluster, desired]) => {
    const seen = byName.get(cluster);
    const stale = held.has(cluster) || !seen || seen.stale;
    return clusterReport(cluster, stale, compareCluster(desired, seen?.objects ?? [], mode, scopes?.get(cluster)), new Set(seen?.unobservedKinds ?? []));
  });
}
