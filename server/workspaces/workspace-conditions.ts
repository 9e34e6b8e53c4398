// The conditions the workspace page shows: the planner's (or, when it runs, the registry's) conditions about the
// workspace, plus the registry's reports of objects it will not touch because it cannot prove they are its own,
// when they concern the workspace (they name a cluster and an object, not a workspace). Without a registry they
// are the conditions of the fleet model's plan; nothing is planned here.
import { destinationRuleName, serviceEntryName } from "@/lib/names/object-names";
import { MULTICLUSTER_NAMESPACE } from "@/lib/plan/placed";
import type { PlanInput, WorkspaceInput } from "@/lib/plan/input";
import type { WorkspaceScope } from "@/lib/plan/workspace-scope";
import { readinessContext } from "@/lib/readiness/context";
import { byReason, summarizeGroup } from "@/lib/registry/condition-groups";
import type { WorkspaceDetail } from "@/lib/workspace-view/types";

export type AnyCondition = { severity: "error" | "warning" | "info"; reason: string; message: string; workspace?: string; cluster?: string; subject?: string };

/** What a workspace covers, for deciding whether a condition about an object concerns it. */
export type WorkspaceReach = { name: string; scope: WorkspaceScope; clusters: readonly string[]; services: readonly string[] };

const FOREIGN_REASONS: ReadonlySet<string> = new Set(["ForeignObject", "UnplannedForeignObjects"]);

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

/** The names the plan gives a workspace's services' objects in xcp-multicluster (ServiceEntries, DestinationRules). */
export function multiclusterNames(services: readonly string[]): ReadonlySet<string> {
  return new Set(services.flatMap((fqdn) => [serviceEntryName(fqdn), destinationRuleName(fqdn)]));
}

export type ObjectRef = { cluster: string; namespace: string; name: string };

/**
 * An object under a name the workspace's plan uses: in one of its namespaces of that cluster (WorkloadEntries,
 * DestinationRules, Gateways), or in xcp-multicluster under the name of one of its services.
 */
export function objectConcernsWorkspace(o: ObjectRef, reach: WorkspaceReach, names: ReadonlySet<string>): boolean {
  if (!reach.clusters.includes(o.cluster)) return false;
  if (o.namespace === MULTICLUSTER_NAMESPACE) return names.has(o.name);
  return (reach.scope.get(o.cluster) ?? []).includes(o.namespace);
}

/**
 * A condition about the workspace, or a foreign object under a name its plan uses (objectConcernsWorkspace). A
 * cluster-wide report of objects merely carrying our marks concerns every workspace in that cluster.
 */
export function concernsWorkspace(c: AnyCondition, reach: WorkspaceReach, names: ReadonlySet<string>): boolean {
  if (c.workspace !== undefined) return c.workspace === reach.name;
  if (!FOREIGN_REASONS.has(c.reason) || c.cluster === undefined || !reach.clusters.includes(c.cluster)) return false;
  if (c.reason === "UnplannedForeignObjects") return true;
  const ref = parseSubject(c.subject);
  return ref !== undefined && objectConcernsWorkspace({ cluster: c.cluster, ...ref }, reach, names);
}

/** More conditions of one reason than this are one line with a count and examples (a list padded with junk). */
const GROUP_ABOVE = 5;

type Shown = WorkspaceDetail["conditions"][number];

/** The conditions about the workspace; a reason raised more than a few times is one line, so the page stays bounded. */
export function workspaceConditions(all: readonly AnyCondition[], reach: WorkspaceReach): Shown[] {
  const names = multiclusterNames(reach.services);
  const concerning = all.filter((c) => concernsWorkspace(c, reach, names));
  return [...byReason(concerning)].flatMap(([reason, items]): Shown[] => {
    if (items.length <= GROUP_ABOVE) return items.map((c) => ({ severity: c.severity, reason: c.reason, message: c.message }));
    const { severity, message } = summarizeGroup(reason, items);
    return [{ severity, reason, message }];
  });
}
