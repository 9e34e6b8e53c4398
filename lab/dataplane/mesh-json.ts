// Reading the mesh objects' JSON (specs arrive as plain, frozen JSON from the store).
export type Json = Record<string, unknown>;

export function rec(value: unknown): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The string-valued entries of a map (labels, selectors). */
export function strings(value: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(rec(value)).filter((e): e is [string, string] => typeof e[1] === "string"));
}
