// diffCluster for a cluster whose comparison is patched from the previous one (compare-patch.ts). Only the
// comparisons that are not "same" produce anything in a diff: decide() skips "same" ones, foreignConditions reads
// only "foreign" ones, and a stale cluster counts only changes. So diffCluster over that subsequence, in the same
// order, is diffCluster over every comparison — and that subsequence ("notable") is patched with the comparison's
// delta: the retired comparisons leave it, the added ones that are not "same" join it at their place. A converged
// cluster whose live objects churn then costs what changed plus what is not converged, not its size.
// The notable comparisons' decisions (diff.ts decide) are patched the same way while the holds are the same: a
// cluster converging from nothing has tens of thousands of missing objects, and deciding each again on every echo
// of a write made an action object per missing object per snapshot (the fleet model's main cost at 20 × 500).
import type { DesiredObject } from "@/lib/plan/desired";
import { compareStrings } from "@/lib/plan/json";
import type { Comparison } from "./compare";
import { compareIncrementally, type Compared } from "./compare-patch";
import { decide, decisionHolds, decisionKey, diffCluster, type ClusterHolds, type Decision, type DiffResult } from "./diff";
import { clusterParts } from "./observed-from-snapshot";
import type { OwnershipScope } from "./ownership-scope";
import type { RegistryMemos } from "./registry-memos";
import type { ObservedCluster } from "./types";

/** The decisions of a diff's notable comparisons, one each in order, and the holds' key they were made under. */
type Decided = { key: string; decisions: readonly Decision[] };

/** A cluster's diff and what the next one is patched from. */
export type PatchedDiff = { compared: Compared; notable: readonly Comparison[]; decided?: Decided; result: DiffResult };

type Notable = { notable: readonly Comparison[]; decisions: readonly Decision[] };

/** The comparisons of `lists` that are not "same", in order. */
function notableIn(lists: ReadonlyArray<readonly Comparison[]>): Comparison[] {
  const out: Comparison[] = [];
  for (const list of lists) for (const c of list) if (c.status !== "same") out.push(c);
  return out;
}

const isPlanned = (c: Comparison) => "desired" in c && c.desired !== undefined;

/**
 * The order of a comparison list (compare.ts compareCluster): planned ones first, in the plan's order (sorted by
 * id: place.ts), then unplanned ones by id (inIdOrder). Ids are unique within each part.
 */
function listOrder(a: Comparison, b: Comparison): number {
  const [pa, pb] = [isPlanned(a), isPlanned(b)];
  return pa === pb ? compareStrings(a.id, b.id) : pa ? -1 : 1;
}

// The lists below are made at their final size (or the most they can hold, then cut), not grown by push: a list
// of tens of thousands (a converging cluster's notable comparisons) grown by push was copied at every growth, and
// each outgrown copy over 128 KiB (V8's large-object space) was old-generation garbage at once — the largest
// share of what a 20 × 500 convergence promoted (a sampling heap profile of the objects major collections freed).

/** Two lists each in list order, merged into one, their decisions along. */
function merged(a: Notable, b: Notable): Notable {
  const size = a.notable.length + b.notable.length;
  const notable = new Array<Comparison>(size);
  const decisions = new Array<Decision>(size);
  let [i, j, at] = [0, 0, 0];
  const take = (from: Notable, k: number) => {
    notable[at] = from.notable[k] as Comparison;
    decisions[at++] = from.decisions[k] ?? null;
  };
  while (i < a.notable.length && j < b.notable.length) {
    if (listOrder(a.notable[i] as Comparison, b.notable[j] as Comparison) <= 0) take(a, i++);
    else take(b, j++);
  }
  while (i < a.notable.length) take(a, i++);
  while (j < b.notable.length) take(b, j++);
  return { notable, decisions };
}

/** `notable` less the `retired` comparisons, with their decisions: `reuse`'s (one per comparison) when given. */
function without(notable: readonly Comparison[], retired: ReadonlySet<Comparison>, reuse: readonly Decision[] | undefined, decideOne: (c: Comparison) => Decision): Notable {
  const out = { notable: new Array<Comparison>(notable.length), decisions: new Array<Decision>(notable.length) };
  let at = 0;
  for (let i = 0; i < notable.length; i++) {
    const c = notable[i] as Comparison;
    if (retired.has(c)) continue;
    out.notable[at] = c;
    out.decisions[at++] = reuse ? (reuse[i] ?? null) : decideOne(c);
  }
  out.notable.length = at;
  out.decisions.length = at;
  return out;
}

/**
 * The notable comparisons of `compared` and their decisions, from `previous`'s when `compared` was patched from
 * it: its kept comparisons keep their decisions when they were made under the same holds (`key`).
 */
function notableOf(previous: PatchedDiff | undefined, compared: Compared, key: string, decideOne: (c: Comparison) => Decision): Notable {
  const reuse = previous?.decided?.key === key ? previous.decided.decisions : undefined;
  if (previous?.compared === compared) return { notable: previous.notable, decisions: reuse ?? previous.notable.map(decideOne) };
  // A delta is relative to the comparison it was patched from: here previous.compared (diffPatched's call).
  if (!previous || !compared.delta) {
    const notable = notableIn([...compared.planned.chunks, compared.unplanned]);
    return { notable, decisions: notable.map(decideOne) };
  }
  const retired = new Set(compared.delta.retired);
  const kept = retired.size === 0 ? { notable: previous.notable, decisions: reuse ?? previous.notable.map(decideOne) } : without(previous.notable, retired, reuse, decideOne);
  const joining = notableIn([compared.delta.added]).sort(listOrder);
  return joining.length === 0 ? kept : merged(kept, { notable: joining, decisions: joining.map(decideOne) });
}

/**
 * One cluster's diff (diff.ts diffCluster, standalone comparison) with its comparison patched from `previous`'s.
 * Same result as diffCluster over a full comparison of `desired` with `seen`, actions and conditions in the same
 * order (diff-patch.test.ts).
 */
export function diffPatched(cluster: string, desired: readonly DesiredObject[], seen: ObservedCluster | undefined, holds: ClusterHolds, scope: OwnershipScope, previous: PatchedDiff | undefined, memos?: RegistryMemos): PatchedDiff {
  const compared = compareIncrementally(previous?.compared, desired, clusterParts(seen, memos), scope, memos);
  // A held cluster's diff decides nothing (diffCluster counts its changes): its decisions are made when it is back.
  if (holds.stale.has(cluster)) {
    const notable = notableOf(previous, compared, "", () => null).notable;
    return { compared, notable, result: diffCluster(cluster, desired, seen, holds, notable) };
  }
  const all = decisionHolds(seen, holds);
  const key = decisionKey(all);
  const { notable, decisions } = notableOf(previous, compared, key, (c) => decide(cluster, c, all));
  return { compared, notable, decided: { key, decisions }, result: diffCluster(cluster, desired, seen, holds, notable, undefined, decisions) };
}
