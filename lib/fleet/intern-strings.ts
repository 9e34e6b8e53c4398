// Objects that cross a thread (structured clone) or arrive as JSON carry a fresh copy of every string value: the
// fleet cache's objects (server/kube/slim.ts) and the planner replies' values (lib/plan/object-codec.ts) repeat
// the same API group, namespaces, label values, workspace and cluster names, hostnames and protocols hundreds of
// thousands of times. `npm run bench:mirror` (a synthetic 20 × 100 plan from the real worker, when its replies
// were cloned objects): the mirror held 1,179 bytes of heap per object as cloned, 624 with its strings shared, for
// ~3 µs per object more on the receiving thread, and far fewer objects for the collector. The table is the
// caller's (one per reply, or per cache with a bound), so nothing here outlives what its owner keeps.

/** Strings seen so far, each mapped to the one copy every later equal string is replaced with. */
export type InternTable = Map<string, string>;

/** The table's copy of `s` (`s` itself, remembered, the first time). */
export function internString(s: string, table: InternTable): string {
  const known = table.get(s);
  if (known !== undefined) return known;
  table.set(s, s);
  return s;
}

/**
 * Replaces, in place, every string value and array element reachable from `value` with the table's copy of it
 * (property names are shared by V8 already). Frozen objects are left as they are, since they may be shared with
 * readers that must not see a write; so are Maps, Sets and other non-plain objects. Values of the `own` keys are
 * left out: strings each object has its own of (a name, a content hash) would only grow the table. Returns `value`.
 */
export function internStrings<T>(value: T, table: InternTable, own?: ReadonlySet<string>): T {
  const pending: unknown[] = [value];
  // A structured clone keeps shared references (and could hold a cycle): each object is walked once.
  const seen = new Set<object>();
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next !== "object" || next === null || Object.isFrozen(next) || seen.has(next)) continue;
    seen.add(next);
    if (Array.isArray(next)) {
      for (let i = 0; i < next.length; i++) {
        const v: unknown = next[i];
        if (typeof v === "string") next[i] = internString(v, table);
        else if (typeof v === "object" && v !== null) pending.push(v);
      }
      continue;
    }
    if (Object.getPrototypeOf(next) !== Object.prototype) continue;
    const record = next as Record<string, unknown>;
    for (const key in record) {
      const v = record[key];
      if (typeof v === "string") {
        if (own?.has(key) !== true) record[key] = internString(v, table);
      } else if (typeof v === "object" && v !== null) pending.push(v);
    }
  }
  return value;
}
