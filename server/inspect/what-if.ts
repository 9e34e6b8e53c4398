// inspect.whatIf: "if this part failed now". lib/failover's failoverImpact recomputes every failover state of each
// workspace in scope on its input with the part removed (nothing is injected), and the changes are grouped by the
// cluster whose clients see them. Memoized per (failover input, removal): the input is the same object between two
// changes of what it reads, so asking again is a lookup, and a new model state drops the old answers with the input.
import { failoverImpactSteps, type Impact } from "@/lib/failover/impact";
import type { FailoverInput, FailoverRow, FailoverState } from "@/lib/failover/types";
import { AT_RISK_WORDS, FAILOVER_WORDS, failoverSentence } from "@/lib/failover/words";
import { compareStrings } from "@/lib/plan/json";
import { quoted } from "@/lib/validation/bounded-text";
import { notFound } from "@/server/errors";
import type { ModelState } from "@/server/model/types";
import { stateOf } from "@/server/workspaces/fleet-input";
import { runSliced } from "@/server/workspaces/time-slice";
import { viewMemoOf } from "@/server/workspaces/view-memo";
import type { InspectDeps } from "./deps";
import { affectedFqdns, narrowInput, narrowRows } from "./narrowed";
import { removalKey, removalWords, type WhatIfRemoval } from "./removal";
import { cellKey, scopeOf, type Scope } from "./scope";
import type { WhatIfResult, WhatIfService } from "./types";

/** Answers kept per input: a person explores a handful of parts; a bound keeps a scripted sweep from growing it. */
const MAX_PER_INPUT = 256;

const memos = new WeakMap<FailoverInput, Map<string, Promise<Impact>>>();

/**
 * failoverImpact, memoized per (input, removal). `before`: the input's states, when the caller has them (the
 * topology's failover data keeps them with the input).
 */
export function impactOf(input: FailoverInput, removal: WhatIfRemoval, before: readonly FailoverRow[]): Promise<Impact> {
  let impacts = memos.get(input);
  if (!impacts) memos.set(input, (impacts = new Map()));
  const key = removalKey(removal);
  const known = impacts.get(key);
  if (known) return known;
  // Only the services the part can affect are recomputed (narrowed.ts): the others' rows cannot change. Still a
  // recompute of states: in slices of the event loop, shared by concurrent askers.
  const fqdns = affectedFqdns(input, removal);
  const pending = runSliced(failoverImpactSteps(narrowInput(input, fqdns), removal, narrowRows(before, fqdns)));
  if (impacts.size >= MAX_PER_INPUT) impacts.delete(impacts.keys().next().value ?? "");
  impacts.set(key, pending);
  pending.catch(() => {
    if (impacts.get(key) === pending) impacts.delete(key);
  });
  return pending;
}

/** The removal names something of the scope; otherwise NOT_FOUND naming the field. */
function requirePart(state: ModelState, scope: Scope, removal: WhatIfRemoval): void {
  if (!state.snapshot.clusters.some((c) => c.name === removal.cluster)) throw notFound("removal.cluster", `cluster ${quoted(removal.cluster)} is not in the fleet.`);
  if (removal.kind === "gateway") {
    const gateways = state.adapted.input.clusters.find((c) => c.name === removal.cluster)?.gateways ?? [];
    if (!gateways.some((g) => g.namespace === removal.namespace && g.name === removal.name)) throw notFound("removal.name", `${removal.cluster} has no east-west gateway ${quoted(`${removal.namespace}/${removal.name}`)}.`);
  }
  if (removal.kind === "instance") {
    if (!scope.rows.byId.has(`svc:${removal.cluster}/${removal.fqdn}`)) throw notFound("removal.fqdn", `${removal.cluster} runs no service ${quoted(removal.fqdn)} in this scope.`);
  }
}

const targetsOf = (s: FailoverState) => ("targets" in s ? s.targets : s.kind === "remote-only" ? s.remotes.flatMap((r) => (r.ok ? [r.route] : [])) : []).map((r) => ({ cluster: r.cluster, gateway: r.gateway }));

function serviceOf(change: Impact["changes"][number]): WhatIfService {
  const row = (state: FailoverState): FailoverRow => ({ cluster: change.cluster, fqdn: change.fqdn, namespace: change.namespace, state });
  const { before, after } = change;
  return {
    fqdn: change.fqdn,
    namespace: change.namespace,
    before: { kind: before.kind, words: FAILOVER_WORDS[before.kind], sentence: failoverSentence(row(before)) },
    after: { kind: after.kind, words: FAILOVER_WORDS[after.kind], ...(after.kind === "at-risk" ? { reasonWords: AT_RISK_WORDS[after.reason] } : {}), sentence: failoverSentence(row(after)) },
    targets: targetsOf(after),
    unavailable: after.kind === "unavailable",
  };
}

/** Services listed per cluster: a removed cluster can change thousands; the counts say how many in all. */
export const MAX_SHOWN_PER_CLUSTER = 50;

type Change = Impact["changes"][number];

const unavailableFirst = (a: Change, b: Change) => Number(b.after.kind === "unavailable") - Number(a.after.kind === "unavailable") || compareStrings(a.fqdn, b.fqdn);

/** Changes of every workspace, a (cluster, service) counted once (the first workspace's), grouped by cluster. */
function grouped(impacts: readonly Impact[]): WhatIfResult["clusters"] {
  const seen = new Set<string>();
  const byCluster = new Map<string, Change[]>();
  for (const impact of impacts) {
    for (const change of impact.changes) {
      const key = cellKey(change.cluster, change.fqdn);
      if (seen.has(key)) continue;
      seen.add(key);
      const list = byCluster.get(change.cluster);
      if (list) list.push(change);
      else byCluster.set(change.cluster, [change]);
    }
  }
  // Sentences are made only for the services shown.
  return [...byCluster]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([cluster, changes]) => ({
      cluster,
      services: changes.sort(unavailableFirst).slice(0, MAX_SHOWN_PER_CLUSTER).map(serviceOf),
      total: changes.length,
      unavailable: changes.filter((c) => c.after.kind === "unavailable").length,
    }));
}

export async function whatIf(deps: InspectDeps, input: { workspace?: string | undefined; removal: WhatIfRemoval }): Promise<WhatIfResult> {
  const state = await stateOf(deps);
  const memo = viewMemoOf(deps.model);
  const scope = await scopeOf(memo, state, input.workspace);
  const { removal } = input;
  requirePart(state, scope, removal);
  // A workspace not spanning the removed part's cluster reads nothing of it: its impact is empty.
  const impacts = await Promise.all(scope.parts.filter((p) => p.core.clusterNames.includes(removal.cluster)).map(({ data }) => impactOf(data.input, removal, data.rows)));
  const clusters = grouped(impacts);
  const sum = (f: (c: WhatIfResult["clusters"][number]) => number) => clusters.reduce((n, c) => n + f(c), 0);
  return { removal, removalWords: removalWords(removal), clusters, changed: sum((c) => c.total), unavailable: sum((c) => c.unavailable), computedAt: state.snapshot.at };
}
