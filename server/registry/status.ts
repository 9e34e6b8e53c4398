// What the registry shows the topology and workspace pages: its mode and leadership, every condition
// (planner, adapter, diff, writes), expected-versus-actual per cluster and the propagation of each service.
import { defaultScope, ownershipOf } from "@/lib/registry/compare";
import { expectedVsActual, type ClusterReport } from "@/lib/registry/report";
import { propagation, type Counts, type ServicePropagation } from "@/lib/registry/propagation";
import type { RegistryMode } from "@/lib/registry/types";
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

/** Standalone: only an object proved ours counts as the planned one; observe: whatever is there. */
function counts(state: FleetState, mode: RegistryMode): Counts | undefined {
  if (mode === "observe") return undefined;
  return (cluster, o) => ownershipOf(o, state.scopes?.scopes.get(cluster) ?? defaultScope(state.plan.clusters[cluster] ?? [])).owned;
}

type Reports = Pick<RegistryStatus, "clusters" | "propagation" | "planned">;

const NO_REPORTS: Reports = Object.freeze({ clusters: [], propagation: [], planned: {} });
/**
 * Expected-versus-actual and propagation compare every planned object of the fleet: done once per state (a
 * state is immutable, one per snapshot the reconciler digested), so a status request reads them, never redoes them.
 */
const reportsByState = new WeakMap<FleetState, { mode: RegistryMode; reports: Reports }>();

function reportsOf(state: FleetState | undefined, mode: RegistryMode): Reports {
  if (!state) return NO_REPORTS;
  const known = reportsByState.get(state);
  if (known?.mode === mode) return known.reports;
  const reports: Reports = {
    clusters: expectedVsActual(state.plan, state.observed, mode, state.scopes?.scopes),
    propagation: propagation(state.plan, state.observed, counts(state, mode)),
    planned: state.plan.clusters,
  };
  reportsByState.set(state, { mode, reports });
  return reports;
}

export function buildStatus(i: StatusInputs): RegistryStatus {
  const conditions = [...(i.state?.conditions ?? []), ...[...i.writeConditions].flat()];
  return { mode: i.mode, leader: i.leader, identity: i.identity, lastReconcileAt: i.lastReconcileAt, conditions, ...reportsOf(i.state, i.mode), writes: { ...i.writes } };
}
