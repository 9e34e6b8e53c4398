// JSON values and a key-sorted serialisation, so hashes and byte-for-byte comparisons of planned objects do
// not depend on the order in which the planner happened to build a map.

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/**
 * JSON.stringify with every object's keys in code-unit order. Built by concatenation, without an array per
 * object: the planner serialises every object it builds (half a million at 20 × 500) for its content hash.
 */
export function stableStringify(value: Json): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  let out: string;
  if (Array.isArray(value)) {
    out = "[";
    for (let i = 0; i < value.length; i++) out += (i === 0 ? "" : ",") + stableStringify(value[i] as Json);
    return `${out}]`;
  }
  const keys = Object.keys(value).sort();
  out = "{";
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    out += `${i === 0 ? "" : ","}${JSON.stringify(key)}:${stableStringify(value[key] ?? null)}`;
  }
  return `${out}}`;
}

/** A copy of a string map with keys in sorted order (JSON.stringify then emits them sorted too). */
export function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareStrings);
}
