// Desired (from the plan) against observed, for one cluster: the core both the write diff and the
// expected-versus-actual report build on. Standalone mode compares with what the registry can prove it owns
// (ownership.ts) — by content hash, then field by field for drift (drift.ts) — and names everything else that
// claims to be ours as foreign; observe mode (a Tetrate control plane writes) compares with whatever
// generated-looking objects exist, by spec, since XCP's objects carry neither our marks nor our hash.
import { CONTENT_HASH_ANNOTATION, MANAGED_BY_LABEL, MANAGED_BY_VALUE, type DesiredObject } from "@/lib/plan/desired";
import { compareStrings } from "@/lib/plan/json";
import { desiredId } from "@/lib/plan/place";
import { MULTICLUSTER_NAMESPACE } from "@/lib/plan/placed";
import { nestsDeeperThan } from "@/lib/validation/json-depth";
import { canonicalJson } from "./canonical-json";
import { liveNamed, observedIndex } from "./observed-index";
import { driftedFields } from "./drift";
import { claimsToBeOurs, intrinsicProblems, proofWith, type Intrinsic, type OwnershipProof } from "./ownership";
import { scopeFromPlanned, type OwnershipScope } from "./ownership-scope";
import { observedMemo, remembered, type RegistryMemos } from "./registry-memos";
import { observedId, type ObservedObject, type RegistryMode } from "./types";

export type Comparison =
  | { status: "missing"; id: string; desired: DesiredObject; reason: string }
  /** `drift`: the live object still carries the planned hash but these managed fields were edited. */
  | { status: "different"; id: string; desired: DesiredObject; observed: ObservedObject; reason: string; drift?: string[] }
  | { status: "same"; id: string; desired: DesiredObject; observed: ObservedObject }
  | { status: "extra"; id: string; observed: ObservedObject; reason: string }
  /** Not provably ours: under a planned name (`desired` set), or unplanned but carrying some of our marks. */
  | { status: "foreign"; id: string; desired?: DesiredObject; observed: ObservedObject; reason: string; missing: string[] };

// With `memos` (registry-memos.ts), an observed object's proof is remembered per scope object (scopes keep their
// identity while unchanged), and so are indexes, default scopes and comparisons below.
export function ownershipOf(o: ObservedObject, scope: OwnershipScope, memos?: RegistryMemos): OwnershipProof {
  const memo = memos && observedMemo(memos, o);
  if (memo?.proof && memo.proofScope === scope) return memo.proof;
  const proof = proofWith(intrinsicOf(o, memos), o, scope);
  if (memo) {
    memo.proofScope = scope;
    memo.proof = proof;
  }
  return proof;
}

/** What `o` lacks of the proof whatever the scope (its marks and naming), remembered per object. */
export function intrinsicOf(o: ObservedObject, memos?: RegistryMemos): Intrinsic {
  if (!memos) return intrinsicProblems(o);
  const memo = observedMemo(memos, o);
  return (memo.intrinsic ??= intrinsicProblems(o));
}

/** The scope a caller without the planner input gets: what the plan itself places in the cluster. */
export function defaultScope(desired: readonly DesiredObject[], memos?: RegistryMemos): OwnershipScope {
  return remembered(memos?.planScopes, desired, () => scopeFromPlanned(desired));
}

/** In observe mode: objects that look like a control plane's output (XCP's namespace, shadow entry names). */
function looksGenerated(o: ObservedObject): boolean {
  return o.labels[MANAGED_BY_LABEL] === MANAGED_BY_VALUE || o.namespace === MULTICLUSTER_NAMESPACE || (o.kind === "WorkloadEntry" && o.name.startsWith("k-"));
}

function specFieldsDiffering(desired: DesiredObject, observed: ObservedObject): string[] {
  const live = typeof observed.spec === "object" && observed.spec !== null ? (observed.spec as Record<string, unknown>) : {};
  const keys = new Set([...Object.keys(desired.spec), ...Object.keys(live)]);
  // canonicalJson recurses: a live field nested past the bound (planned specs never are) differs, unwalked.
  const differs = (k: string) => nestsDeeperThan(live[k]) || canonicalJson(desired.spec[k]) !== canonicalJson(live[k]);
  return [...keys].sort().filter(differs).map((k) => `spec.${k}`);
}

type Difference = { reason: string; drift?: string[] };

function differsBy(desired: DesiredObject, observed: ObservedObject, mode: RegistryMode): Difference | undefined {
  if (mode === "observe") {
    const fields = specFieldsDiffering(desired, observed);
    return fields.length === 0 ? undefined : { reason: `${fields.join(", ")} differ from the plan` };
  }
  const want = desired.metadata.annotations[CONTENT_HASH_ANNOTATION];
  const have = observed.annotations[CONTENT_HASH_ANNOTATION];
  if (want === have) {
    // Same hash: what the registry applied last is what it wants now, so any difference is a hand edit.
    const drift = driftedFields(desired, observed);
    return drift.length === 0 ? undefined : { reason: `edited by hand: ${drift.join(", ")} differ from what the registry applied`, drift };
  }
  const fields = specFieldsDiffering(desired, observed);
  const what = fields.length > 0 ? fields.join(", ") : "labels or annotations";
  return { reason: `content hash ${(have ?? "").slice(0, 8) || "(none)"} ≠ planned ${want?.slice(0, 8) ?? "?"} (${what} changed)` };
}

const notOurs = (o: ObservedObject, missing: string[]) => `${observedId(o)} is not ours: ${missing.join("; ")}`;

function compareOne(desired: DesiredObject, observed: ObservedObject | undefined, mode: RegistryMode, scope: OwnershipScope, memos: RegistryMemos | undefined): Comparison {
  const id = desiredId(desired);
  if (!observed) return { status: "missing", id, desired, reason: "planned but not present" };
  if (mode === "standalone") {
    const proof = ownershipOf(observed, scope, memos);
    if (!proof.owned) return { status: "foreign", id, desired, observed, reason: notOurs(observed, proof.missing), missing: proof.missing };
  }
  const difference = differsBy(desired, observed, mode);
  return difference === undefined ? { status: "same", id, desired, observed } : { status: "different", id, desired, observed, ...difference };
}

// Unplanned live objects: ours (to delete), foreign but claiming to be ours (to report), or nobody's business.
export function unplanned(o: ObservedObject, scope: OwnershipScope, memos?: RegistryMemos): Comparison | undefined {
  const before = memos?.unplanned.get(o);
  if (before?.scope === scope) return before.result;
  const proof = ownershipOf(o, scope, memos);
  const id = observedId(o);
  const result: Comparison | undefined = proof.owned
    ? { status: "extra", id, observed: o, reason: "present but no longer planned" }
    : claimsToBeOurs(o)
      ? { status: "foreign", id, observed: o, reason: notOurs(o, proof.missing), missing: proof.missing }
      : undefined;
  memos?.unplanned.set(o, { scope, result });
  return result;
}

// A resync compares every planned object with its live one, and most pairs are the very same objects as last
// time (planned and observed objects are immutable and reused while unchanged). So, with memos: the by-name index
// of an observed list is built once (observed-index.ts), and a pair's comparison is remembered while both
// objects live.

/** One pair's comparison (standalone mode), remembered while both objects and the scope live. */
export const compareWith = (desired: DesiredObject, observed: ObservedObject | undefined, scope: OwnershipScope, memos?: RegistryMemos): Comparison =>
  compareCached(desired, observed, "standalone", scope, memos);

function compareCached(desired: DesiredObject, observed: ObservedObject | undefined, mode: RegistryMode, scope: OwnershipScope, memos: RegistryMemos | undefined): Comparison {
  if (!observed) return remembered(memos?.missing, desired, () => compareOne(desired, undefined, mode, scope, memos));
  const memo = memos && observedMemo(memos, observed);
  if (memo?.pair && memo.pairDesired === desired && memo.pairMode === mode && memo.pairScope === scope) return memo.pair;
  const result = compareOne(desired, observed, mode, scope, memos);
  if (memo) {
    memo.pairDesired = desired;
    memo.pairMode = mode;
    memo.pairScope = scope;
    memo.pair = result;
  }
  return result;
}

/**
 * Every desired object's status, then the unplanned ones: in standalone mode ours (extra) and those claiming to
 * be ours (foreign); in observe mode the generated-looking ones (extra). `scope`: where the planner puts
 * objects in this cluster (ownership-scope.ts); without it, where this plan puts them.
 */
export function compareCluster(desired: readonly DesiredObject[], observed: readonly ObservedObject[], mode: RegistryMode, scope?: OwnershipScope, memos?: RegistryMemos): Comparison[] {
  const within = scope ?? defaultScope(desired, memos);
  const index = observedIndex(observed, memos);
  // A live object is planned when a planned object's id names it (the index holds one object per id).
  const planned = new Set<ObservedObject>();
  const out = desired.map((d) => {
    const live = liveNamed(index, d.kind, d.metadata.namespace, d.metadata.name);
    if (live) planned.add(live);
    return compareCached(d, live, mode, within, memos);
  });
  const extras: Comparison[] = [];
  for (const o of observed) {
    if (planned.has(o)) continue;
    const id = observedId(o);
    if (mode === "standalone") {
      const c = unplanned(o, within, memos);
      if (c) extras.push(c);
    } else if (looksGenerated(o)) extras.push({ status: "extra", id, observed: o, reason: "present but no longer planned" });
  }
  return [...out, ...inIdOrder(extras)];
}

/** Unplanned comparisons in id order: the same order however they were found (a full or a patched comparison). */
export function inIdOrder(extras: Comparison[]): Comparison[] {
  return extras.sort((a, b) => compareStrings(a.id, b.id));
}
