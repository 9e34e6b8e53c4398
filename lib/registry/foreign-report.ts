// Conditions for objects the registry will not touch because it cannot prove they are its own. One under a
// planned name blocks that object, so it gets a condition of its own; unplanned ones that merely carry some of
// the registry's marks (its label, its annotations, its field manager, its naming) are grouped per cluster —
// a namespace full of copied labels is one line with a count and a few examples, not a line each.
import type { Comparison } from "./compare";
import type { RegistryCondition } from "./types";

const EXAMPLES = 5;

type Foreign = Extract<Comparison, { status: "foreign" }>;

function kindPhrase(kind: string): string {
  return /^[AEIOU]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

function blocking(cluster: string, c: Foreign): RegistryCondition {
  const { kind, namespace, name } = c.observed;
  const message = `${kindPhrase(kind)} named like ours exists in ${cluster} (${namespace}/${name}) and is not ours: ${c.missing.join("; ")}. It is left untouched; rename or remove it so the console can publish its own.`;
  return { severity: "warning", reason: "ForeignObject", cluster, subject: c.id, message };
}

function grouped(cluster: string, items: Foreign[]): RegistryCondition {
  const examples = items.slice(0, EXAMPLES).map((c) => `${c.id} (${c.missing.join("; ")})`);
  const more = items.length > EXAMPLES ? `; and ${items.length - EXAMPLES} more` : "";
  const message = `${items.length} object(s) in ${cluster} carry some of the console's marks but are not provably its own, so the console leaves them untouched: ${examples.join("; ")}${more}.`;
  return { severity: "warning", reason: "UnplannedForeignObjects", cluster, message, count: items.length, examples: items.slice(0, EXAMPLES).map((c) => c.id) };
}

export function foreignConditions(cluster: string, comparisons: readonly Comparison[]): RegistryCondition[] {
  const out: RegistryCondition[] = [];
  const unplanned: Foreign[] = [];
  for (const c of comparisons) {
    if (c.status !== "foreign") continue;
    if (c.desired) out.push(blocking(cluster, c));
    else unplanned.push(c);
  }
  if (unplanned.length > 0) out.push(grouped(cluster, unplanned));
  return out;
}
