// What the registry shows the topology and workspace pages: its mode and leadership, every condition
// (planner, adapter, diff, writes), expected-versus-actual per cluster and the propagation of each service.
import { defaultScope, ownershipOf } from "@/lib/registry/compare";
import { expectedVsActual, type ClusterReport } from "@/lib/registry/report";
import { propagation, type Counts, type ServicePropagation } from "@/lib/registry/propagation";
import type { RegistryMode } from "@/lib/registry/types";
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

export function buildStatus(i: StatusInputs): RegistryStatus {
  const conditions = [...(i.state?.conditions ?? []), ...[...i.writeConditions].flat()];
  const clusters = i.state ? expectedVsActual(i.state.plan, i.state.observed, i.mode, i.state.scopes?.scopes) : [];
  const services = i.state ? propagation(i.state.plan, i.state.observed, counts(i.state, i.mode)) : [];
  return { mode: i.mode, leader: i.leader, identity: i.identity, lastReconcileAt: i.lastReconcileAt, conditions, clusters, propagation: services, writes: { ...i.writes } };
}
