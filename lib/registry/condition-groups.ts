// Conditions of one reason, grouped: at fleet scale the planner and the registry raise the same reason thousands
// of times (one per service, per cluster), and a page that lists them all is a paragraph nobody reads. The
// workspace page and registry.status both group with this one function, so they count and word alike.
export type Severity = "error" | "warning" | "info";
export type GroupableCondition = { severity: Severity; reason: string; message: string };

export type ConditionGroup = {
  reason: string;
  /** The worst severity among the group's conditions. */
  severity: Severity;
  count: number;
  /** The first few messages (at most EXAMPLES), without their final full stop. */
  examples: string[];
  /** One sentence: the condition's own message when alone, else the count, the reason and the first examples. */
  message: string;
};

export const EXAMPLES = 5;
/** Examples named in the sentence itself (the rest are in `examples`). */
const IN_SENTENCE = 3;
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Conditions by reason, in the order each reason first appears. */
export function byReason<C extends GroupableCondition>(all: Iterable<C>): Map<string, C[]> {
  const groups = new Map<string, C[]>();
  for (const c of all) {
    const items = groups.get(c.reason);
    if (items) items.push(c);
    else groups.set(c.reason, [c]);
  }
  return groups;
}

const count = (n: number) => n.toLocaleString("en-US");

function sentence(reason: string, items: readonly GroupableCondition[], examples: readonly string[]): string {
  const [only] = items;
  if (items.length === 1 && only) return only.message;
  const named = examples.slice(0, IN_SENTENCE);
  const rest = items.length - named.length;
  if (rest === 0) return `${count(items.length)} conditions of one kind (${reason}): ${named.join("; ")}.`;
  return `${count(items.length)} conditions of one kind (${reason}), for example: ${named.join("; ")}; and ${count(rest)} more.`;
}

/** One group of conditions sharing a reason (`items` non-empty). */
export function summarizeGroup(reason: string, items: readonly GroupableCondition[]): ConditionGroup {
  const severity = items.reduce<Severity>((worst, c) => (RANK[c.severity] < RANK[worst] ? c.severity : worst), "info");
  const examples = items.slice(0, EXAMPLES).map((c) => c.message.replace(/\.$/, ""));
  return { reason, severity, count: items.length, examples, message: sentence(reason, items, examples) };
}

/** Every reason as one group, worst severity first, then the largest. */
export function groupConditions(all: Iterable<GroupableCondition>): ConditionGroup[] {
  return [...byReason(all)].map(([reason, items]) => summarizeGroup(reason, items)).sort((a, b) => RANK[a.severity] - RANK[b.severity] || b.count - a.count);
}
