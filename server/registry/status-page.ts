// One page of registry.status: the registry's mode and counters, per-cluster counts, the conditions grouped by
// reason, and a page of the objects that are not in sync — for the fleet or one workspace. Read from what the
// registry already computed (status.ts, status-rows.ts): nothing is planned or compared on the request.
//
// A cursor names the last row of a page, not an offset: when the registry converges between two requests (rows
// disappear), the next page still starts right after the row the reader last saw, never skipping or repeating one.
import { compareStrings } from "@/lib/plan/json";
import { groupConditions } from "@/lib/registry/condition-groups";
import type { RegistryStatusInput, RegistryStatusPage, StatusRow } from "@/lib/registry/status-contract";
import { invalidInput } from "@/server/errors";
import { concernsWorkspace, multiclusterNames, type WorkspaceReach } from "@/server/workspaces/workspace-conditions";
import type { RegistryStatus } from "./status";
import { statusView, type StatusView } from "./status-rows";

const BAD_CURSOR = "cursor is not one this console returned (use nextCursor as given)";

export function encodeCursor(key: string): string {
  return Buffer.from(key, "utf8").toString("base64url");
}

/** The row key a cursor carries; anything else is a 400 naming `cursor`. */
export function decodeCursor(cursor: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 5 || !parsed.every((p) => typeof p === "string")) throw invalidInput([{ field: "cursor", message: BAD_CURSOR }]);
  // Five strings re-serialised are exactly the form rowKey gives (status-rows.ts).
  return JSON.stringify(parsed);
}

/** Index of the first key after `after` (keys sorted ascending). */
function firstAfter(keys: readonly string[], after: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] ?? "") <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Up to `limit` rows after `after` (all clusters' rows in key order), and the key of the last one taken. A cluster
 * wholly before the cursor's is skipped by its name, without sorting its rows.
 */
function pageOf(view: StatusView, after: string | undefined, limit: number): { rows: StatusRow[]; last?: string; more: boolean } {
  const afterCluster = after === undefined ? undefined : JSON.stringify((JSON.parse(after) as string[])[0]);
  const rows: StatusRow[] = [];
  let last: string | undefined;
  for (const c of view.clusters) {
    if (c.total === 0) continue;
    const order = afterCluster === undefined ? 1 : compareStrings(JSON.stringify(c.cluster), afterCluster);
    if (order < 0) continue;
    if (rows.length === limit) return { rows, last, more: true };
    const sorted = c.sorted();
    const start = order > 0 || after === undefined ? 0 : firstAfter(sorted.keys, after);
    const end = Math.min(sorted.rows.length, start + limit - rows.length);
    rows.push(...sorted.rows.slice(start, end));
    last = sorted.keys[end - 1] ?? last;
    if (end < sorted.rows.length) return { rows, last, more: true };
  }
  return { rows, last, more: false };
}

export type PageScope = { reach: WorkspaceReach };

export function registryStatusPage(status: RegistryStatus, query: RegistryStatusInput, scope?: PageScope): RegistryStatusPage {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const view = statusView(status, scope?.reach);
  const page = pageOf(view, after, query.limit);
  const names = scope ? multiclusterNames(scope.reach.services) : undefined;
  const conditions = scope && names ? status.conditions.filter((c) => concernsWorkspace(c, scope.reach, names)) : status.conditions;
  return {
    mode: status.mode,
    leader: status.leader,
    identity: status.identity,
    lastReconcileAt: status.lastReconcileAt,
    writes: { ...status.writes },
    ...(scope ? { workspace: scope.reach.name } : {}),
    summary: view.summary,
    conditions: groupConditions(conditions),
    rows: page.rows,
    nextCursor: page.more && page.last !== undefined ? encodeCursor(page.last) : null,
    totalRows: view.total,
  };
}
