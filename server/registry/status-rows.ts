// registry.status's rows and per-cluster counts, from the registry's expected-versus-actual reports (status.ts),
// for the whole fleet or one workspace's part of it. Derived once per cluster report (and workspace reach), then
// only paged (status-page.ts).
import { compareStrings } from "@/lib/plan/json";
import type { ClusterReport, ReportEntry } from "@/lib/registry/report";
import type { ClusterSummary, RowState, StatusRow } from "@/lib/registry/status-contract";
import { multiclusterNames, objectConcernsWorkspace, type WorkspaceReach } from "@/server/workspaces/workspace-conditions";
import type { RegistryStatus } from "./status";

const STATES: readonly RowState[] = ["missing", "different", "extra", "foreign", "unverified"];

/** The total order of rows, and the text a cursor carries: one row's names. */
export function rowKey(r: Pick<StatusRow, "cluster" | "state" | "kind" | "namespace" | "name">): string {
  return JSON.stringify([r.cluster, r.state, r.kind, r.namespace, r.name]);
}

function rowsOfCluster(report: ClusterReport, keep: (r: StatusRow) => boolean): StatusRow[] {
  const row = (state: RowState) => (e: ReportEntry): StatusRow => ({ cluster: report.cluster, state, kind: e.kind, namespace: e.namespace, name: e.name, reason: e.reason });
  return STATES.flatMap((state) => report[state].map(row(state))).filter(keep);
}

function summaryOf(report: ClusterReport, count: Record<RowState, number>, expected: number): ClusterSummary {
  const { missing, different, extra, foreign, unverified } = count;
  const inSync = Math.max(0, expected - missing - different - foreign - unverified);
  const held = report.stale ? missing + different + extra : 0;
  return { cluster: report.cluster, stale: report.stale, expected, inSync, missing, different, extra, foreign, unverified, held };
}

/**
 * One cluster's part of the view: its counts at once, its rows in key order (with their keys) only when a page
 * reads from this cluster — a poll of the counts, or of the first page, sorts at most one cluster's rows.
 */
export type ClusterRows = { cluster: string; summary: ClusterSummary; total: number; sorted(): { rows: StatusRow[]; keys: string[] } };

function sortedOnce(rows: () => StatusRow[]): ClusterRows["sorted"] {
  let sorted: ReturnType<ClusterRows["sorted"]> | undefined;
  return () => {
    if (sorted) return sorted;
    const keyed = rows().map((r) => ({ r, k: rowKey(r) })).sort((a, b) => compareStrings(a.k, b.k));
    return (sorted = { rows: keyed.map((x) => x.r), keys: keyed.map((x) => x.k) });
  };
}

function buildCluster(report: ClusterReport, planned: RegistryStatus["planned"], reach: WorkspaceReach | undefined): ClusterRows {
  const count: Record<RowState, number> = { missing: 0, different: 0, extra: 0, foreign: 0, unverified: 0 };
  if (!reach) {
    for (const state of STATES) count[state] = report[state].length;
    return { cluster: report.cluster, summary: summaryOf(report, count, report.expected), total: STATES.reduce((n, st) => n + count[st], 0), sorted: sortedOnce(() => rowsOfCluster(report, () => true)) };
  }
  const names = multiclusterNames(reach.services);
  const concerns = (namespace: string, name: string) => objectConcernsWorkspace({ cluster: report.cluster, namespace, name }, reach, names);
  const mine = rowsOfCluster(report, (r) => concerns(r.namespace, r.name));
  for (const r of mine) count[r.state]++;
  const expected = (planned[report.cluster] ?? []).filter((o) => concerns(o.metadata.namespace, o.metadata.name)).length;
  return { cluster: report.cluster, summary: summaryOf(report, count, expected), total: mine.length, sorted: sortedOnce(() => mine) };
}

/**
 * The view: each cluster's part, the clusters in key order (a key starts with its cluster's JSON string, and two
 * clusters' JSON strings differ before either ends, so this order is the rows' total order), and the counts.
 */
export type StatusView = { clusters: readonly ClusterRows[]; summary: ClusterSummary[]; total: number };

/**
 * Parts per cluster report, for the fleet and per workspace reach. A report is the same object while its cluster's
 * planned list, observed view and staleness are (status.ts), so while the registry writes to a few clusters a
 * status request reads the others' parts from here. (Rebuilding and sorting every row on each request cost ~1 s
 * of the event loop per poll at 20 × 500 while the registry converged.)
 */
const byReport = new WeakMap<ClusterReport, { fleet?: ClusterRows; byReach: WeakMap<WorkspaceReach, ClusterRows> }>();

function clusterRows(report: ClusterReport, planned: RegistryStatus["planned"], reach: WorkspaceReach | undefined): ClusterRows {
  let memo = byReport.get(report);
  if (!memo) byReport.set(report, (memo = { byReach: new WeakMap() }));
  if (!reach) return (memo.fleet ??= buildCluster(report, planned, undefined));
  let rows = memo.byReach.get(reach);
  if (!rows) memo.byReach.set(reach, (rows = buildCluster(report, planned, reach)));
  return rows;
}

/** The views of one reports array (one per fleet state that changed some cluster's report): asking again reads. */
const views = new WeakMap<readonly ClusterReport[], { fleet?: StatusView; byReach: WeakMap<WorkspaceReach, StatusView> }>();

/** `reach`: the workspace's part (its clusters, the objects that concern it); else the whole fleet. */
export function statusView(status: Pick<RegistryStatus, "clusters" | "planned">, reach?: WorkspaceReach): StatusView {
  let memo = views.get(status.clusters);
  if (!memo) views.set(status.clusters, (memo = { byReach: new WeakMap() }));
  if (!reach) return (memo.fleet ??= viewOf(status, undefined));
  let view = memo.byReach.get(reach);
  if (!view) memo.byReach.set(reach, (view = viewOf(status, reach)));
  return view;
}

function viewOf(status: Pick<RegistryStatus, "clusters" | "planned">, reach: WorkspaceReach | undefined): StatusView {
  const reports = reach ? status.clusters.filter((r) => reach.clusters.includes(r.cluster)) : status.clusters;
  const clusters = reports.map((r) => clusterRows(r, status.planned, reach));
  const ordered = [...clusters].sort((a, b) => compareStrings(JSON.stringify(a.cluster), JSON.stringify(b.cluster)));
  return { clusters: ordered, summary: clusters.map((c) => c.summary), total: clusters.reduce((n, c) => n + c.total, 0) };
}
