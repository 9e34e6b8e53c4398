// What the registry shows the topology and workspace pages: its mode and leadership, every condition
// (planner, adapter, diff, writes), expected-versus-actual per cluster and the propagation of each service.
import { compareCluster, defaultScope, ownershipOf } from "@/lib/registry/compare";
import { clusterReport, type ClusterReport } from "@/lib/registry/report";
import { clusterTallies, propagationOf, type Counts, type ServicePropagation, type Tally } from "@/lib/registry/propagation";
import type { OwnershipScope } from "@/lib/registry/ownership-scope";
import type { RegistryMemos } from "@/lib/registry/registry-memos";
import type { ObservedCluster, RegistryMode } from "@/lib/registry/types";
import type { DesiredObject } from "@/lib/plan/desired";
import type { PlanResult } from "@/lib/plan/plan";
import type { AnyCondition, FleetState } from "./fleet-state";

export type WriteCounters = { applied: number; deleted: number; failed: number };

export type RegistryStatus = {
  mode: RegistryMode;
  /** True when this replica holds the Lease (always false in observe mode: it never writes). */
  leader: boolean;
  identity: string;
  /** When the last reconcile of any cluster finished (ISO). */
  lastReconcileAt: string | null;
  conditions: AnyCondition[];
  clusters: ClusterReport[];
  propagation: ServicePropagation[];
  /** What the plan puts in each cluster (the plan's own arrays), for per-workspace counts (status-page.ts). */
  planned: PlanResult["clusters"];
  writes: WriteCounters;
};

export type StatusInputs = {
  mode: RegistryMode;
  leader: boolean;
  identity: string;
  lastReconcileAt: string | null;
  state: FleetState | undefined;
  writeConditions: Iterable<AnyCondition[]>;
  writes: WriteCounters;
};

type Reports = Pick<RegistryStatus, "clusters" | "propagation" | "planned">;

/** One cluster's part of the reports, valid while its planned list, observed view, scope and staleness are the same objects. */
type ClusterPart = { desired: readonly DesiredObject[]; seen: ObservedCluster | undefined; scope: OwnershipScope | undefined; stale: boolean; report: ClusterReport; tallies: ReadonlyMap<string, Tally> };

/**
 * Expected-versus-actual and propagation, kept between states (one per registry): a cluster is compared again
 * only when its planned list or its observed view changed, and the fleet-wide lists are rebuilt only when some
 * cluster's part did — so a probe-only snapshot costs O(clusters), and a status request never redoes O(fleet) work.
 */
export type StatusMemo = { mode?: RegistryMode; parts: Map<string, ClusterPart>; last?: { parts: ClusterPart[]; reports: Omit<Reports, "planned"> } };

export const createStatusMemo = (): StatusMemo => ({ parts: new Map() });

const NO_REPORTS: Reports = Object.freeze({ clusters: [], propagation: [], planned: {} });

/** Standalone: only an object proved ours counts as the planned one; observe: whatever is there. */
const countsFor = (mode: RegistryMode, scope: OwnershipScope, memos: RegistryMemos | undefined): Counts => (mode === "observe" ? () => true : (_cluster, o) => ownershipOf(o, scope, memos).owned);

function partOf(memo: StatusMemo, mode: RegistryMode, cluster: string, next: Omit<ClusterPart, "report" | "tallies">, memos: RegistryMemos | undefined): ClusterPart {
  const before = memo.parts.get(cluster);
  if (before && before.desired === next.desired && before.seen === next.seen && before.scope === next.scope && before.stale === next.stale) return before;
  const scope = next.scope ?? defaultScope(next.desired, memos);
  const report = clusterReport(cluster, next.stale, compareCluster(next.desired, next.seen?.objects ?? [], mode, scope, memos), new Set(next.seen?.unobservedKinds ?? []));
  const part: ClusterPart = { ...next, report, tallies: clusterTallies(cluster, next.desired, next.seen, countsFor(mode, scope, memos)) };
  memo.parts.set(cluster, part);
  return part;
}

function reportsOf(state: FleetState | undefined, mode: RegistryMode, memo: StatusMemo): Reports {
  if (!state) return NO_REPORTS;
  if (memo.mode !== mode) Object.assign(memo, { mode, parts: new Map(), last: undefined });
  const byName = new Map(state.observed.map((c) => [c.name, c]));
  const held = new Set(state.plan.heldBack.map((h) => h.cluster));
  const parts = Object.entries(state.plan.clusters).map(([cluster, desired]) => {
    const seen = byName.get(cluster);
    return partOf(memo, mode, cluster, { desired, seen, scope: state.scopes?.scopes.get(cluster), stale: held.has(cluster) || !seen || seen.stale }, state.memos);
  });
  const names = new Set(Object.keys(state.plan.clusters));
  for (const name of memo.parts.keys()) if (!names.has(name)) memo.parts.delete(name);
  let last = memo.last;
  if (!last || last.parts.length !== parts.length || parts.some((p, i) => last?.parts[i] !== p)) {
    const tallies = new Map(parts.map((p) => [p.report.cluster, p.tallies] as const));
    const stale = new Map(parts.map((p) => [p.report.cluster, p.stale] as const));
    memo.last = last = { parts, reports: { clusters: parts.map((p) => p.report), propagation: propagationOf(tallies, (c) => stale.get(c) ?? true) } };
  }
  return { ...last.reports, planned: state.plan.clusters };
}

/** Callers without a memo of their own: one per state (a state is immutable), so asking again reads, never redoes. */
const perState = new WeakMap<FleetState, StatusMemo>();

function memoFor(state: FleetState | undefined): StatusMemo {
  if (!state) return createStatusMemo();
  let memo = perState.get(state);
  if (!memo) perState.set(state, (memo = createStatusMemo()));
  return memo;
}

/** `memo`: the registry's (createStatusMemo), kept across its states; without one, one per state. */
export function buildStatus(i: StatusInputs, memo: StatusMemo = memoFor(i.state)): RegistryStatus {
  const conditions = [...(i.state?.conditions ?? []), ...[...i.writeConditions].flat()];
  return { mode: i.mode, leader: i.leader, identity: i.identity, lastReconcileAt: i.lastReconcileAt, conditions, ...reportsOf(i.state, i.mode, memo), writes: { ...i.writes } };
}
