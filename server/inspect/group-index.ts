// Per scope, the rows regrouped the ways the panel asks: every cluster's row of one FQDN (the "test from another
// cluster" list), and the state counts of each cluster and namespace. Built once per scope rows (memoized on the
// scope's cell map, which is the same object between changes).
import type { FailoverKind } from "@/lib/failover/types";
import type { FailoverCell } from "@/lib/workspace-view/types";
import type { ViewMemo } from "@/server/workspaces/view-memo";
import type { Scope } from "./scope";

export type StateCounts = Partial<Record<FailoverKind, number>>;

export type Groups = {
  byFqdn: ReadonlyMap<string, FailoverCell[]>;
  /** Keyed by cluster, and by `cluster \0 namespace`. */
  counts: ReadonlyMap<string, StateCounts>;
};

export const groupKey = (cluster: string, namespace?: string) => (namespace === undefined ? cluster : `${cluster}\u0000${namespace}`);

function count(counts: Map<string, StateCounts>, key: string, kind: FailoverKind): void {
  let c = counts.get(key);
  if (!c) counts.set(key, (c = {}));
  c[kind] = (c[kind] ?? 0) + 1;
}

function build(scope: Scope): Groups {
  const byFqdn = new Map<string, FailoverCell[]>();
  const counts = new Map<string, StateCounts>();
  for (const { cell } of scope.cells.values()) {
    const list = byFqdn.get(cell.fqdn);
    if (list) list.push(cell);
    else byFqdn.set(cell.fqdn, [cell]);
    count(counts, groupKey(cell.cluster), cell.kind);
    count(counts, groupKey(cell.cluster, cell.namespace), cell.kind);
  }
  return { byFqdn, counts };
}

export function groupsOf(memo: ViewMemo, workspace: string | undefined, scope: Scope): Groups {
  return memo.get(`inspect-groups\u0000${workspace ?? ""}`, [scope.cells], () => build(scope));
}
