// One frozen copy of each equal part of the objects a fleet caches. The registry places the same planned object in
// every consumer cluster (a service's shadow WorkloadEntries, its ServiceEntry), so across a fleet the same spec,
// labels and annotations arrive once per cluster, each parsed into its own objects: at 20 × 500 the WorkloadEntries'
// specs, labels and annotations are each held by 19 clusters' caches. Strings are shared already
// (intern-strings.ts); this shares the records that hold them, so the cache keeps one copy of each part however many
// clusters hold it. The table is the caller's (one per fleet service, for all its informers), and bounded by it.

import { deepFreeze } from "./deep-freeze";
import { internStrings, type InternTable } from "./intern-strings";

/** Parts seen so far, by their JSON text, each the frozen copy every later equal part is replaced with. */
export type RecordTable = { parts: Map<string, unknown>; cap: number };

/**
 * Parts longer than this as JSON are not shared: the table keeps each part's text as its key, and large parts (a
 * Gateway's many servers, a ServiceEntry's endpoint list) are rarely equal across objects anyway.
 */
export const SHARED_RECORD_MAX_CHARS = 1_024;

export function recordTable(cap: number): RecordTable {
  return { parts: new Map(), cap };
}

/**
 * The table's frozen copy of `value` when it holds an equal one, else `value` itself: its strings shared through
 * `strings` (when given; but for the values of the `own` keys), deep-frozen, and remembered. Equal means the same
 * JSON text, keys in the same order: a parsed value (JSON.parse's output: plain objects, arrays, strings, numbers,
 * booleans, null) with the same text is the same tree, read the same way (key order included). When the table is
 * full it starts over: parts already shared stay shared, and new ones are shared from then on. A value that is not
 * an object, or is too long, is returned as it is and not remembered.
 */
export function sharedRecord<T>(value: T, table: RecordTable, strings?: InternTable, own?: ReadonlySet<string>): T {
  if (typeof value !== "object" || value === null) return value;
  const text = JSON.stringify(value);
  if (text.length > SHARED_RECORD_MAX_CHARS) return value;
  const known = table.parts.get(text);
  if (known !== undefined) return known as T;
  if (table.parts.size >= table.cap) table.parts.clear();
  if (strings) internStrings(value, strings, own);
  table.parts.set(text, deepFreeze(value));
  return value;
}
