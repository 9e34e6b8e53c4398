// diffCluster for a cluster whose comparison is patched from the previous one (compare-patch.ts). Only the
// comparisons that are not "same" produce anything in a diff: decide() skips "same" ones, foreignConditions reads
// only "foreign" ones, and a stale cluster counts only changes. So diffCluster over that subsequence, in the same
// order, is diffCluster over every comparison — and that subsequence ("notable") is patched with the comparison's
// delta: the retired comparisons leave it, the added ones that are not "same" join it at their place. A converged
// cluster whose live objects churn then costs what changed plus what is not converged, not its size.
import type { DesiredObject } from "@/lib/plan/desired";
import { compareStrings } from "@/lib/plan/json";
import type { Comparison } from "./compare";
import { compareIncrementally, type Compared } from "./compare-patch";
import { diffCluster, type ClusterHolds, type DiffResult } from "./diff";
import type { OwnershipScope } from "./ownership-scope";
import type { RegistryMemos } from "./registry-memos";
import type { ObservedCluster } from "./types";

/** A cluster's diff and what the next one is patched from. */
export type PatchedDiff = { compared: Compared; notable: readonly Comparison[]; result: DiffResult };

const notableIn = (comparisons: readonly Comparison[]) => comparisons.filter((c) => c.status !== "same");

const isPlanned = (c: Comparison) => "desired" in c && c.desired !== undefined;

/**
 * The order of a comparison list (compare.ts compareCluster): planned ones first, in the plan's order (sorted by
 * id: place.ts), then unplanned ones by id (inIdOrder). Ids are unique within each part.
 */
function listOrder(a: Comparison, b: Comparison): number {
  const [pa, pb] = [isPlanned(a), isPlanned(b)];
  return pa === pb ? compareStrings(a.id, b.id) : pa ? -1 : 1;
}

/** Two lists each in list order, merged into one. */
function merged(a: readonly Comparison[], b: readonly Comparison[]): Comparison[] {
  const out: Comparison[] = [];
  let [i, j] = [0, 0];
  while (i < a.length && j < b.length) out.push(listOrder(a[i] as Comparison, b[j] as Comparison) <= 0 ? (a[i++] as Comparison) : (b[j++] as Comparison));
  while (i < a.length) out.push(a[i++] as Comparison);
  while (j < b.length) out.push(b[j++] as Comparison);
  return out;
}

/** The notable comparisons of `compared`, from those of `previous` when `compared` was patched from it. */
function notableOf(previous: PatchedDiff | undefined, compared: Compared): readonly Comparison[] {
  if (previous?.compared === compared) return previous.notable;
  // A delta is relative to the comparison it was patched from: here previous.compared (diffPatched's call).
  if (!previous || !compared.delta) return notableIn(compared.comparisons);
  const retired = new Set(compared.delta.retired);
  const kept = retired.size === 0 ? previous.notable : previous.notable.filter((c) => !retired.has(c));
  const joining = notableIn(compared.delta.added).sort(listOrder);
  return joining.length === 0 ? kept : merged(kept, joining);
}

/**
 * One cluster's diff (diff.ts diffCluster, standalone comparison) with its comparison patched from `previous`'s.
 * Same result as diffCluster over a full comparison of `desired` with `seen`, actions and conditions in the same
 * order (diff-patch.test.ts).
 */
export function diffPatched(cluster: string, desired: readonly DesiredObject[], seen: ObservedCluster | undefined, holds: ClusterHolds, scope: OwnershipScope, previous: PatchedDiff | undefined, memos?: RegistryMemos): PatchedDiff {
  const compared = compareIncrementally(previous?.compared, desired, seen?.objects ?? [], scope, memos);
  const notable = notableOf(previous, compared);
  return { compared, notable, result: diffCluster(cluster, desired, seen, holds, notable) };
}
