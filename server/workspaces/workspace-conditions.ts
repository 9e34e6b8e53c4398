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
import { planInputOf, type HostnameAnswers } from "./fleet-input";

export type AnyCondition = { severity: "error" | "warning" | "info"; reason: string; message: string; workspace?: string; cluster?: string; subject?: string };

/** What a workspace covers, for deciding whether a condition about an object concerns it. */
export type WorkspaceReach = { name: string; scope: WorkspaceScope; clusters: readonly string[]; services: readonly string[] };

const FOREIGN_REASONS: ReadonlySet<string> = new Set(["ForeignObject", "UnplannedForeignObjects"]);

const plans = new WeakMap<PlanInput, PlanResult>();

/**
 * The planner on the snapshot as it is, with the registry's DNS answers (fleet-input.ts): computed once per
 * (immutable) snapshot and set of answers.
 */
export function planOf(snapshot: FleetSnapshot, answers?: HostnameAnswers): PlanResult {
  const { input } = planInputOf(snapshot, answers);
  let found = plans.get(input);
  if (!found) plans.set(input, (found = plan(input)));
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

/** More conditions of one reason than this are one line with a count and examples (a list padded with junk). */
const GROUP_ABOVE = 5;
const EXAMPLES = 3;
const RANK = { error: 0, warning: 1, info: 2 } as const;

type Shown = WorkspaceDetail["conditions"][number];

function grouped(reason: string, items: readonly AnyCondition[]): Shown {
  const severity = items.reduce<Shown["severity"]>((worst, c) => (RANK[c.severity] < RANK[worst] ? c.severity : worst), "info");
  const examples = items.slice(0, EXAMPLES).map((c) => c.message.replace(/\.$/, ""));
  const message = `${items.length.toLocaleString("en-US")} conditions of one kind (${reason}), for example: ${examples.join("; ")}; and ${(items.length - EXAMPLES).toLocaleString("en-US")} more.`;
  return { severity, reason, message };
}

/** The conditions about the workspace; a reason raised more than a few times is one line, so the page stays bounded. */
export function workspaceConditions(all: readonly AnyCondition[], reach: WorkspaceReach): Shown[] {
  const seNames = new Set(reach.services.map(serviceEntryName));
  const byReason = new Map<string, AnyCondition[]>();
  for (const c of all) {
    if (!concernsWorkspace(c, reach, seNames)) continue;
    const items = byReason.get(c.reason);
    if (items) items.push(c);
    else byReason.set(c.reason, [c]);
  }
  return [...byReason.entries()].flatMap(([reason, items]) =>
    items.length > GROUP_ABOVE ? [grouped(reason, items)] : items.map((c) => ({ severity: c.severity, reason: c.reason, message: c.message })),
  );
}
