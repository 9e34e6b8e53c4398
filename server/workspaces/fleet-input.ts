// The planner's view of the current snapshot (the registry's own adapter, so the console and the registry
// never disagree about what a workspace covers or exposes), and the lookups every workspace function starts with.
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { WorkspaceInput } from "@/lib/plan/input";
import { parseNamespacePattern } from "@/lib/plan/workspace-scope";
import { toPlanInput, type AdaptedInput } from "@/lib/registry/plan-input-adapter";
import { quoted, someOf } from "@/lib/validation/bounded-text";
import { serverEnv } from "@/server/env";
import { notFound } from "@/server/errors";

/** hostname → IPs, as the registry's resolver answered (server/registry/hostname-resolver.ts). */
export type HostnameAnswers = Readonly<Record<string, string[]>>;

const adapted = new WeakMap<FleetSnapshot, AdaptedInput>();
const answered = new WeakMap<FleetSnapshot, { answers: HostnameAnswers; found: AdaptedInput }>();

function adaptedOf(snapshot: FleetSnapshot): AdaptedInput {
  let found = adapted.get(snapshot);
  if (!found) {
    const management = snapshot.managementCluster ?? undefined;
    const { allowLoopbackGatewayAddresses } = serverEnv();
    found = toPlanInput(snapshot, { ...(management ? { managementCluster: management } : {}), allowLoopbackGatewayAddresses });
    adapted.set(snapshot, found);
  }
  return found;
}

/**
 * Snapshots are immutable, so the adapted input is computed once per snapshot. It carries the process's
 * gateway-address setting and `answers`, the registry's DNS answers for gateway hostnames, as the registry's
 * input does, so previews and readiness judge (and resolve) addresses as it does. The answers are only
 * `PlanInput.resolvedHostnames` (the adapter reads nothing else of them), so they are set on the per-snapshot
 * input instead of adapting the fleet again; the resolver hands out the same object until an answer changes.
 */
export function planInputOf(snapshot: FleetSnapshot, answers?: HostnameAnswers): AdaptedInput {
  const base = adaptedOf(snapshot);
  if (!answers || Object.keys(answers).length === 0) return base;
  const last = answered.get(snapshot);
  if (last?.answers === answers) return last.found;
  const found: AdaptedInput = { ...base, input: { ...base.input, resolvedHostnames: { ...answers } } };
  answered.set(snapshot, { answers, found });
  return found;
}

export function requireWorkspace(snapshot: FleetSnapshot, name: string): WorkspaceInput {
  const { input } = planInputOf(snapshot);
  const ws = input.workspaces.find((w) => w.name === name);
  if (ws) return ws;
  const known = someOf(input.workspaces.map((w) => w.name)) || "none";
  throw notFound("workspace", `workspace ${quoted(name)} does not exist on the management cluster (known: ${known}).`);
}

/** Clusters the namespaceSelector names (by its cluster part), whether or not the namespace exists there yet. */
export function workspaceClusterNames(snapshot: FleetSnapshot, ws: WorkspaceInput): string[] {
  const patterns = ws.namespaceSelector.flatMap((entry) => parseNamespacePattern(entry) ?? []);
  return snapshot.clusters.filter((c) => patterns.some((p) => p.cluster(c.name))).map((c) => c.name);
}

/** The planner's clusters plus since when each stale one is stale, for validation messages. */
export function clustersForValidation(snapshot: FleetSnapshot) {
  return planInputOf(snapshot).input.clusters.map((c) => {
    const since = snapshot.clusters.find((s) => s.name === c.name)?.staleSince;
    return since && c.stale ? { ...c, staleSince: since } : c;
  });
}
