// The structured half of a diff: which field paths differ. Mappings are walked key by key; lists are compared
// whole, as Kubernetes treats CRD lists without list-map keys (atomic: exposedServices, the TSB settings list):
// one changed entry replaces the list, so the list's path is what changed.
export type FieldChange = { path: string; change: "added" | "removed" | "changed" };

type Plain = { [key: string]: unknown };

const isPlain = (v: unknown): v is Plain => typeof v === "object" && v !== null && !Array.isArray(v);

/** `metadata.labels["app.kubernetes.io/managed-by"]`: dotted, with non-identifier keys bracketed. */
export function joinPath(parent: string, key: string): string {
  if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(key)) return parent === "" ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (isPlain(a) && isPlain(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => same(a[k], b[k]));
  }
  return a === b;
}

/** Sorted by path; empty when the two values are equal. */
export function fieldChanges(before: unknown, after: unknown, path = ""): FieldChange[] {
  if (isPlain(before) && isPlain(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => fieldChanges(before[k], after[k], joinPath(path, k)));
  }
  if (same(before, after)) return [];
  if (before === undefined) return [{ path, change: "added" }];
  if (after === undefined) return [{ path, change: "removed" }];
  return [{ path, change: "changed" }];
}
