// The DestinationRules the failover states read, as the clusters hold them now. The planner input cannot say: its
// adapter (lib/registry/adapter-memo.ts) keeps a cluster's previous input when only the console's own
// DestinationRules changed — the planner must not replan on its own writes — so a failover rule the registry wrote
// after the first adaptation is missing from `adapted.input`, and every service would read "no outlier detection"
// forever. Istio acts on the rules that exist (domain.md §2 DestinationRule), ours included, so the failover input
// takes each spanned cluster's rules from the snapshot's DestinationRule map, adapted as the planner's adapter does.
import type { ClusterSnapshot, ObjectMap } from "@/lib/fleet/snapshot-types";
import type { DestinationRuleInput, PlanInput } from "@/lib/plan/input";
import { named, toDestinationRule } from "@/lib/registry/adapter-services";
import type { FleetView } from "./fleet-input";
import type { ViewMemo } from "./view-memo";

// One adaptation per DestinationRule map, shared by every workspace and kept while the map is.
const adapted = new WeakMap<ObjectMap, DestinationRuleInput[]>();

export function rulesOf(map: ObjectMap): DestinationRuleInput[] {
  let rules = adapted.get(map);
  if (rules) return rules;
  rules = [];
  for (const o of map.values()) {
    const ref = named(o);
    if (ref) rules.push(toDestinationRule(o, ref));
  }
  adapted.set(map, rules);
  return rules;
}

/** `input` with the live DestinationRules of each cluster in `live` (the others as the planner has them). */
export function withLiveRules(input: PlanInput, live: readonly ClusterSnapshot[]): PlanInput {
  const byName = new Map(live.map((c) => [c.name, c.objects.DestinationRule]));
  return {
    ...input,
    clusters: input.clusters.map((c) => {
      const map = byName.get(c.name);
      return map ? { ...c, destinationRules: rulesOf(map) } : c;
    }),
  };
}

/**
 * The model's planner input with every cluster's live DestinationRules: one per input and set of rule maps, shared
 * by the readiness checklist and the failover view (the same slot of the view memo).
 */
export function liveRulesInput(memo: ViewMemo, view: FleetView): PlanInput {
  const { input } = view.adapted;
  const rules = view.snapshot.clusters.map((c) => c.objects.DestinationRule);
  return memo.get("live-rules-input", [input, ...rules], () => withLiveRules(input, view.snapshot.clusters));
}
