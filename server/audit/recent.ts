// "Who did what": the console's audit Events about a workspace's objects, or about one drill, read from the clusters
// now (Events are not cached: they churn and expire after the API server's event TTL, and only these two views ask
// for them). A workspace's objects live in the namespaces it covers in each cluster (gateways, drills) and, on the
// management cluster, in its WorkspaceSetting; so the reader asks each such namespace once, in parallel, each with
// a deadline, and merges the records newest first. A cluster that cannot be read is named in `problems`, as data.
import { workspaceScope } from "@/lib/plan/workspace-scope";
import { quoted, someOf } from "@/lib/validation/bounded-text";
import { notFound } from "@/server/errors";
import { listAuditEvents, type AuditEventsQuery, type AuditEventsResult } from "@/server/kube/audit-events";
import type { ClusterHandle } from "@/server/kube/kubeconfig";
import { requireWorkspace, type FleetView } from "@/server/workspaces/fleet-input";
import { newestRecordsFirst, toAuditRecord, type AuditRecord } from "./audit-record";
import { AUDIT_COMPONENT } from "./event-body";

/** One list request: the console's Events in one namespace of one cluster, optionally about one object. */
export type AuditTarget = { cluster: string } & Omit<AuditEventsQuery, "component">;

/** Lists one target's Events (tests: a stand-in). */
export type AuditLister = (target: AuditTarget) => Promise<AuditEventsResult>;

/** The lister the console runs with: the fleet's handles (the console's own credentials), with a deadline each. */
export function clusterAuditLister(handle: (cluster: string) => ClusterHandle | undefined, timeoutMs: number): AuditLister {
  return ({ cluster, ...query }) => listAuditEvents(cluster, handle(cluster), { component: AUDIT_COMPONENT, ...query }, timeoutMs);
}

export type AuditProblem = { cluster: string; namespace: string; reason: "unreachable" | "forbidden"; message: string };

export type AuditRecent = {
  /** Newest first, at most `limit`. */
  records: AuditRecord[];
  /** More records exist than are shown (more than `limit`, a namespace with more than one page, namespaces not asked). */
  more: boolean;
  problems: AuditProblem[];
};

export const AUDIT_RECENT_LIMIT = 50;
/** Namespaces asked per request at most: a workspace selecting `*\/*` must not fan out over the whole fleet. */
export const MAX_AUDIT_TARGETS = 24;

/** The (cluster, namespace) pairs holding a workspace's objects' Events: its scope's (clusters by name), then its setting's. */
export function workspaceTargets(view: FleetView, workspace: string): AuditTarget[] {
  const ws = requireWorkspace(view, workspace);
  const { scope } = workspaceScope(ws, view.adapted.input.clusters);
  const targets: AuditTarget[] = [...scope].flatMap(([cluster, namespaces]) => namespaces.map((namespace) => ({ cluster, namespace })));
  // The WorkspaceSetting the console applies for exposure: on the management cluster, in the Workspace's namespace
  // (which other workspaces may share: only this setting's Events), unless that namespace is covered already.
  const management = view.snapshot.managementCluster;
  const setting = ws.setting;
  if (management && setting && !targets.some((t) => t.cluster === management && t.namespace === setting.namespace)) {
    targets.push({ cluster: management, namespace: setting.namespace, object: { kind: "WorkspaceSetting", name: setting.name } });
  }
  return targets;
}

/** The one target of a drill: its FailoverDrill's Events. An unknown cluster is a NOT_FOUND naming it. */
export function drillTarget(view: Pick<FleetView, "snapshot">, drill: { cluster: string; namespace: string; name: string }): AuditTarget {
  if (!view.snapshot.clusters.some((c) => c.name === drill.cluster)) {
    const known = someOf(view.snapshot.clusters.map((c) => c.name)) || "none";
    throw notFound("cluster", `No cluster named ${quoted(drill.cluster)} in the fleet (known: ${known}).`);
  }
  return { cluster: drill.cluster, namespace: drill.namespace, object: { kind: "FailoverDrill", name: drill.name } };
}

/** Reads the targets (the first MAX_AUDIT_TARGETS) and merges their records. */
export async function auditRecent(list: AuditLister, targets: readonly AuditTarget[], limit = AUDIT_RECENT_LIMIT): Promise<AuditRecent> {
  const asked = targets.slice(0, MAX_AUDIT_TARGETS);
  const results = await Promise.all(asked.map(async (target) => ({ cluster: target.cluster, namespace: target.namespace, result: await list(target) })));
  const records: AuditRecord[] = [];
  const problems: AuditProblem[] = [];
  let more = targets.length > asked.length;
  for (const { cluster, namespace, result } of results) {
    if (!result.ok) {
      problems.push({ cluster, namespace, reason: result.reason, message: result.error.message });
      continue;
    }
    more ||= result.more;
    for (const raw of result.items) {
      const record = toAuditRecord(cluster, raw);
      if (record) records.push(record);
    }
  }
  const sorted = newestRecordsFirst(records);
  return { records: sorted.slice(0, limit), more: more || sorted.length > limit, problems };
}
