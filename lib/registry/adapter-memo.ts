// Reuse between consecutive snapshots for the plan-input adapter. The fleet cache keeps an unchanged kind's
// map and every unchanged object from one snapshot to the next, so:
// - a Service object converts to the same ServiceInput object (the planner's per-service memo keys on that
//   identity, so only changed Services are re-planned);
// - a cluster whose Services, gateways, namespaces and *user* DestinationRules are unchanged keeps its
//   ClusterInput object. DestinationRules the console wrote itself are ignored by the planner, so the registry's
//   own writes streaming back through the cache leave the input — and the plan — untouched.
import type { ClusterInput, DestinationRuleInput, ServiceInput } from "@/lib/plan/input";
import { stableStringify } from "@/lib/plan/json";
import type { ClusterSnapshot } from "@/lib/fleet/snapshot-types";
import type { SnapshotObject } from "./raw-object";
import { createRegistryMemos, type RegistryMemos } from "./registry-memos";
import type { RegistryCondition } from "./types";

type Entry = {
  source: ClusterSnapshot;
  userRules: string;
  extra: string;
  input: ClusterInput;
  conditions: RegistryCondition[];
  /** The input without our own DestinationRules, serialised; computed only when identities do not settle it. */
  content?: string;
};

export type AdapterMemo = {
  /** The owner's identity memos (registry-memos.ts), used for the snapshot's lists and localities too. */
  memos: RegistryMemos;
  service(o: SnapshotObject, build: () => ServiceInput): ServiceInput;
  /** The previous ClusterInput for this cluster when nothing the planner reads changed; else `build()`'s. */
  cluster(c: ClusterSnapshot, extra: string, build: (conditions: RegistryCondition[]) => ClusterInput): { input: ClusterInput; conditions: RegistryCondition[] };
};

const userRulesKey = (rules: readonly DestinationRuleInput[]) => stableStringify(rules.filter((r) => !r.managedByUs));

function contentOf(entry: Pick<Entry, "input" | "conditions" | "extra" | "content">): string {
  const { input } = entry;
  const user = input.destinationRules.filter((r) => !r.managedByUs);
  return (entry.content ??= JSON.stringify([{ ...input, destinationRules: user }, entry.conditions, entry.extra]));
}

const sameSources = (a: ClusterSnapshot, b: ClusterSnapshot) =>
  a.name === b.name && a.state === b.state && a.objects.Service === b.objects.Service && a.objects.IngressGateway === b.objects.IngressGateway && a.objects.Namespace === b.objects.Namespace;

/** Every kind the cluster's input is built from is the same map (a probe's latency or time changed, or another kind). */
const sameInput = (a: ClusterSnapshot, b: ClusterSnapshot) => sameSources(a, b) && a.objects.DestinationRule === b.objects.DestinationRule;

export function createAdapterMemo(memos: RegistryMemos = createRegistryMemos()): AdapterMemo {
  const services = new WeakMap<SnapshotObject, ServiceInput>();
  const clusters = new Map<string, Entry>();
  return {
    memos,
    service(o, build) {
      let input = services.get(o);
      if (!input) services.set(o, (input = build()));
      return input;
    },
    cluster(c, extra, build) {
      const before = clusters.get(c.name);
      if (before && before.source === c) return before;
      // A new cluster object with the same maps (a probe-only snapshot): nothing to rebuild, O(1).
      if (before && before.extra === extra && sameInput(before.source, c)) {
        const kept = { ...before, source: c };
        clusters.set(c.name, kept);
        return kept;
      }
      const conditions: RegistryCondition[] = [];
      const input = build(conditions);
      const userRules = userRulesKey(input.destinationRules);
      const built: Entry = { source: c, userRules, extra, input, conditions };
      // Same arrays: only DestinationRules can differ, and only ours did. Else compare content (a relist, a test).
      const same = before && (sameSources(before.source, c) ? before.userRules === userRules && before.extra === extra && stableStringify(before.conditions) === stableStringify(conditions) : contentOf(before) === contentOf(built));
      const entry: Entry = same && before ? { ...before, source: c } : built;
      clusters.set(c.name, entry);
      return entry;
    },
  };
}
