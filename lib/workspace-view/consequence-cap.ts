// A preview's consequences, cut to what a dialog shows and a browser should receive: the first names of each list
// (they are sorted), and how many more there are. The counts stay exact, so "9,500 added" is still said when 100
// are listed. Pure.
import type { ClusterConsequence, KindConsequence } from "./types";

/** Names listed per cluster, per kind, per change (added, removed, blocked). */
export const MAX_LISTED_CONSEQUENCES = 100;

function capKind(change: KindConsequence, max: number): KindConsequence {
  const total = kindCounts(change);
  if (total.added <= max && total.removed <= max && total.blocked <= max) return change;
  return {
    added: change.added.slice(0, max),
    removed: change.removed.slice(0, max),
    unchanged: change.unchanged,
    blocked: change.blocked.slice(0, max),
    more: { added: total.added - Math.min(max, total.added), removed: total.removed - Math.min(max, total.removed), blocked: total.blocked - Math.min(max, total.blocked) },
  };
}

export function capConsequences(list: readonly ClusterConsequence[], max = MAX_LISTED_CONSEQUENCES): ClusterConsequence[] {
  return list.map((c) => ({ cluster: c.cluster, serviceEntries: capKind(c.serviceEntries, max), workloadEntries: capKind(c.workloadEntries, max) }));
}

/** The exact numbers of one kind's change, listed or not. */
export function kindCounts(change: KindConsequence): { added: number; removed: number; blocked: number } {
  return {
    added: change.added.length + (change.more?.added ?? 0),
    removed: change.removed.length + (change.more?.removed ?? 0),
    blocked: change.blocked.length + (change.more?.blocked ?? 0),
  };
}
