// The conditions the workspace page shows: the planner's (or, when it runs, the registry's) conditions about the
// workspace, plus the registry's reports of objects it will not touch because it cannot prove they are its own,
// when they concern the workspace (they name a cluster and an object, not a workspace). Without a registry the
// planner runs here, once per snapshot.
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { serviceEntryName } from "@/lib/names/object-names";
import { plan, type PlanResult } from "@/lib/plan/plan";
import { MULTICLUSTER_NAMESPACE } from "@/lib/plan/placed";
import type { PlanInput, WorkspaceInput } from "@/lib/plan/input";
import type { WorkspaceScope } from "@/lib/plan/workspace-scope";
import { readinessContext } from "@/lib/readiness/context";
import type { WorkspaceDetail } from "@/lib/workspace-view/types";
import { planInputOf } from "./fleet-input";

export type AnyCondition = { severity: "error" | "warning" | "info"; reason: string; message: string; workspace?: string; cluster?: string; subject?: string };

/** What a workspace covers, for deciding whether a condition about an object concerns it. */
export type WorkspaceReach = { name: string; scope: WorkspaceScope; clusters: readonly string[]; services: readonly string[] };

const FOREIGN_REASONS: ReadonlySet<string> = new Set(["ForeignObject", "UnplannedForeignObjects"]);

const plans = new WeakMap<FleetSnapshot, PlanResult>();

/** The planner on the snapshot as it is: computed once per (immutable) snapshot. */
export function planOf(snapshot: FleetSnapshot): PlanResult {
  let found = plans.get(snapshot);
  if (!found) plans.set(snapshot, (found = plan(planInputOf(snapshot).input)));
  return found;
}

/**
 * The conditions about the gateways serving one workspace, from the planner's own gateway choice per cluster
 * (lib/plan/gateways.ts, via the readiness context): what the overview needs, without planning the whole fleet.
 */
export function gatewayConditionsOf(input: PlanInput, ws: WorkspaceInput): AnyCondition[] {
  return [...readinessContext(input, ws).gateways.values()].flatMap((choice) => choice.conditions);
}

/** `Kind namespace/name` → namespace and name. */
function parseSubject(subject: string | undefined): { namespace: string; name: string } | undefined {
  const ref = subject?.split(" ")[1];
  const [namespace, name] = ref?.split("/") ?? [];
  return namespace && name ? { namespace, name } : undefined;
}

/**
 * A foreign object under a name the workspace's plan uses: in one of its namespaces of that cluster (WorkloadEntries,
 * DestinationRules, Gateways), or in xcp-multicluster under the name of one of its services. A cluster-wide report
 * of objects merely carrying our marks concerns every workspace in that cluster.
 */
function concernsWorkspace(c: AnyCondition, reach: WorkspaceReach, seNames: ReadonlySet<string>): boolean {
  if (c.workspace !== undefined) return c.workspace === reach.name;
  if (!FOREIGN_REASONS.has(c.reason) || c.cluster === undefined || !reach.clusters.includes(c.cluster)) return false;
  if (c.reason === "UnplannedForeignObjects") return true;
  const ref = parseSubject(c.subject);
  if (!ref) return false;
  if (ref.namespace === MULTICLUSTER_NAMESPACE) return seNames.has(ref.name);
  return (reach.scope.get(c.cluster) ?? []).includes(ref.namespace);
}

export function workspaceConditions(all: readonly AnyCondition[], reach: WorkspaceReach): WorkspaceDetail["conditions"] {
  const seNames = new Set(reach.services.map(serviceEntryName));
  return all.filter((c) => concernsWorkspace(c, reach, seNames)).map((c) => ({ severity: c.severity, reason: c.reason, message: c.message }));
}
