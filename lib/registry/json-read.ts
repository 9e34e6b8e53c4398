// Narrowing helpers for the untyped parts of Kubernetes objects (spec, status): read what is there with the
// expected type, and treat anything else as absent, so malformed input becomes a condition, never a throw.

export type Rec = Record<string, unknown>;

export function asRecord(value: unknown): Rec | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Rec) : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** A string→string map; non-string values are dropped. */
export function asStringMap(value: unknown): Record<string, string> {
  const rec = asRecord(value) ?? {};
  return Object.fromEntries(Object.entries(rec).filter((e): e is [string, string] => typeof e[1] === "string"));
}

export function timestamp(value: string | Date | undefined): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().replace(/\.\d{3}Z$/, "Z");
  return value;
}
