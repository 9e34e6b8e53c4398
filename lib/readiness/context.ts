// Everything the checks need about one workspace, derived once with the planner's own helpers (workspace
// scope, exposure, gateway selection), so the checklist and the plan can never disagree.
import { exposedServices, type ExposedService } from "@/lib/plan/exposure";
import { servingGateway, type GatewayChoice } from "@/lib/plan/gateways";
import type { ClusterInput, PlanInput, WorkspaceInput } from "@/lib/plan/input";
import { compareStrings, uniqueSorted } from "@/lib/plan/json";
import { DEFAULT_GATEWAY_NAME } from "@/lib/manifests/ingress-gateway";
import { workspaceScope, type WorkspaceScope } from "@/lib/plan/workspace-scope";
import type { GatewayPods } from "./gateway-pods";

/**
 * Why a cluster is stale, from the fleet snapshot (the planner's input only knows that it is). `neverSynced`:
 * not listed completely since the console started, so its (empty) state says nothing; `watchingSince`: since when.
 */
export type Freshness = { staleSince?: string; reason?: string; neverSynced?: boolean; watchingSince?: string };

export type ReadinessContext = {
  workspace: WorkspaceInput;
  /** Every cluster considered (sorted by name): all of the input, or those the caller named. */
  clusters: ClusterInput[];
  scope: WorkspaceScope;
  /** Clusters with at least one covered namespace. */
  spanned: ClusterInput[];
  /** Namespaces the workspace covers in at least one cluster. */
  namespaces: string[];
  /** The WorkspaceSetting's gateway selector, or the seed's default when there is no setting yet. */
  selector: Record<string, string>;
  /** Exposed services; empty when there is no WorkspaceSetting (the workspace then exposes nothing). */
  exposed: ExposedService[];
  gateways: ReadonlyMap<string, GatewayChoice>;
  freshness: ReadonlyMap<string, Freshness>;
  /** Pod counts of the gateways (gateway-pods.ts, by `gatewayKey`); absent when the caller has no pods to count. */
  gatewayPods?: ReadonlyMap<string, GatewayPods>;
  managementCluster?: string;
};

export type ContextOptions = {
  clusters?: readonly string[];
  freshness?: ReadonlyMap<string, Freshness>;
  gatewayPods?: ReadonlyMap<string, GatewayPods>;
  managementCluster?: string;
};

export function readinessContext(input: PlanInput, workspace: WorkspaceInput, options: ContextOptions = {}): ReadinessContext {
  const wanted = options.clusters;
  const clusters = input.clusters.filter((c) => wanted === undefined || wanted.includes(c.name)).sort((a, b) => compareStrings(a.name, b.name));
  const { scope } = workspaceScope(workspace, clusters);
  const spanned = clusters.filter((c) => scope.has(c.name));
  const selector = workspace.setting && Object.keys(workspace.setting.workloadSelector).length > 0 ? workspace.setting.workloadSelector : { app: DEFAULT_GATEWAY_NAME };
  const exposed = workspace.setting ? exposedServices(workspace, scope, clusters).services : [];
  const namespaces = uniqueSorted([...scope.values()].flat());
  const resolved = input.resolvedHostnames ?? {};
  const allowLoopback = input.allowLoopbackGatewayAddresses === true;
  const gateways = new Map(
    spanned.map((cluster) => {
      const needed = exposed.some((s) => s.instances.some((i) => i.cluster.name === cluster.name));
      return [cluster.name, servingGateway({ workspace: workspace.name, selector, cluster, namespaces, resolved, allowLoopback, needed })] as const;
    }),
  );
  const freshness = options.freshness ?? new Map<string, Freshness>();
  const pods = options.gatewayPods ? { gatewayPods: options.gatewayPods } : {};
  return { workspace, clusters, scope, spanned, namespaces, selector, exposed, gateways, freshness, ...pods, ...(options.managementCluster ? { managementCluster: options.managementCluster } : {}) };
}

/** Clusters the console has never seen whole since it started: no check may claim anything about them. */
export function unknownClusters(ctx: Pick<ReadinessContext, "clusters" | "freshness">): string[] {
  return ctx.clusters.filter((c) => ctx.freshness.get(c.name)?.neverSynced === true).map((c) => c.name);
}

/** "east has not been reached since the console started, so its namespaces are unknown" (or "" when none). */
export function unknownNote(names: readonly string[], what: string): string {
  if (names.length === 0) return "";
  return `${listing(names)} ${names.length === 1 ? "has" : "have"} not been reached since the console started, so ${what} ${what.endsWith("s") ? "are" : "is"} unknown`;
}

/** "west, east and north" style lists for sentences. */
export function listing(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1] ?? ""}`;
}
