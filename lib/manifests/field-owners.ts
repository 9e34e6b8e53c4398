// Who owns a field of a live object, from `metadata.managedFields` (FieldsV1: nested `f:<name>` keys). Used
// before an apply that *drops* a field — "expose all" omits exposedServices — because server-side apply only
// removes a field its manager solely owns; if another manager also owns it, the field survives the apply.
type Plain = { [key: string]: unknown };

const isPlain = (v: unknown): v is Plain => typeof v === "object" && v !== null && !Array.isArray(v);

function ownsPath(fields: unknown, path: readonly string[]): boolean {
  let node = fields;
  for (const segment of path) {
    if (!isPlain(node)) return false;
    node = node[`f:${segment}`];
  }
  return node !== undefined;
}

/** Managers (sorted, de-duplicated) whose managedFields entry covers `path`, e.g. ["spec", "workspace"]. */
export function ownersOf(live: { metadata?: unknown } | undefined, path: readonly string[]): string[] {
  const meta = isPlain(live?.metadata) ? live.metadata : {};
  const entries = Array.isArray(meta.managedFields) ? meta.managedFields : [];
  const owners = entries.flatMap((e: unknown) =>
    isPlain(e) && typeof e.manager === "string" && ownsPath(e.fieldsV1, path) ? [e.manager] : [],
  );
  return [...new Set(owners)].sort();
}
