// registry.status's rows and per-cluster counts, from the registry's expected-versus-actual reports (computed
// once per fleet state, status.ts), for the whole fleet or one workspace's part of it. Derived once per reports
// (and, for a workspace, per fleet snapshot the workspace's reach was read from), then only paged.
import { compareStrings } from "@/lib/plan/json";
import type { ClusterReport, ReportEntry } from "@/lib/registry/report";
import type { ClusterSummary, RowState, StatusRow } from "@/lib/registry/status-contract";
import { multiclusterNames, objectConcernsWorkspace, type WorkspaceReach } from "@/server/workspaces/workspace-conditions";
import type { RegistryStatus } from "./status";

export type StatusView = { rows: StatusRow[]; keys: string[]; summary: ClusterSummary[] };

const STATES: readonly RowState[] = ["missing", "different", "extra", "foreign", "unverified"];

/** The total order of rows, and the text a cursor carries: one row's names. */
export function rowKey(r: Pick<StatusRow, "cluster" | "state" | "kind" | "namespace" | "name">): string {
  return JSON.stringify([r.cluster, r.state, r.kind, r.namespace, r.name]);
}

function rowsOfCluster(report: ClusterReport, keep: (r: StatusRow) => boolean): StatusRow[] {
  const row = (state: RowState) => (e: ReportEntry): StatusRow => ({ cluster: report.cluster, state, kind: e.kind, namespace: e.namespace, name: e.name, reason: e.reason });
  return STATES.flatMap((state) => report[state].map(row(state))).filter(keep);
}

function summaryOf(report: ClusterReport, rows: readonly StatusRow[], expected: number): ClusterSummary {
  const count: Record<RowState, number> = { missing: 0, different: 0, extra: 0, foreign: 0, unverified: 0 };
  for (const r of rows) count[r.state]++;
  const { missing, different, extra, foreign, unverified } = count;
  const inSync = Math.max(0, expected - missing - different - foreign - unverified);
  const held = report.stale ? missing + different + extra : 0;
  return { cluster: report.cluster, stale: report.stale, expected, inSync, missing, different, extra, foreign, unverified, held };
}

function build(reports: readonly ClusterReport[], planned: RegistryStatus["planned"], reach: WorkspaceReach | undefined): StatusView {
  const names = reach ? multiclusterNames(reach.services) : new Set<string>();
  const concerns = (cluster: string, namespace: string, name: string) => !reach || objectConcernsWorkspace({ cluster, namespace, name }, reach, names);
  const rows: StatusRow[] = [];
  const summary: ClusterSummary[] = [];
  for (const report of reports) {
    if (reach && !reach.clusters.includes(report.cluster)) continue;
    const mine = rowsOfCluster(report, (r) => concerns(r.cluster, r.namespace, r.name));
    const expected = reach ? (planned[report.cluster] ?? []).filter((o) => concerns(report.cluster, o.metadata.namespace, o.metadata.name)).length : report.expected;
    summary.push(summaryOf(report, mine, expected));
    rows.push(...mine);
  }
  const keyed = rows.map((r) => ({ r, k: rowKey(r) })).sort((a, b) => compareStrings(a.k, b.k));
  return { rows: keyed.map((x) => x.r), keys: keyed.map((x) => x.k), summary };
}

/** Views per reports array (one per fleet state); a workspace's per snapshot its reach was read from. */
const views = new WeakMap<readonly ClusterReport[], { fleet?: StatusView; byWorkspace: WeakMap<object, Map<string, StatusView>> }>();

/** `reach` with `readFrom`: the workspace's part, as of the snapshot its reach was read from; else the whole fleet. */
export function statusView(status: Pick<RegistryStatus, "clusters" | "planned">, scope?: { reach: WorkspaceReach; readFrom: object }): StatusView {
  let memo = views.get(status.clusters);
  if (!memo) views.set(status.clusters, (memo = { byWorkspace: new WeakMap() }));
  if (!scope) return (memo.fleet ??= build(status.clusters, status.planned, undefined));
  let bySnapshot = memo.byWorkspace.get(scope.readFrom);
  if (!bySnapshot) memo.byWorkspace.set(scope.readFrom, (bySnapshot = new Map()));
  let view = bySnapshot.get(scope.reach.name);
  if (!view) bySnapshot.set(scope.reach.name, (view = build(status.clusters, status.planned, scope.reach)));
  return view;
}
