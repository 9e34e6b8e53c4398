// The server-side apply hints a structural schema gives (x-kubernetes-list-type map/set with
// x-kubernetes-list-map-keys), as the dotted paths ResourceType.listMapKeys/listSets use: list items are skipped
// ("spec.containers.ports"), so the engine's path for a list inside a list item matches.
import type { StructuralSchema } from "./structural";

export interface ListHints {
  listMapKeys: Record<string, string[]>;
  listSets: string[];
}

export function listHints(schema: StructuralSchema): ListHints {
  const hints: ListHints = { listMapKeys: {}, listSets: [] };
  walk(schema, "", hints, 0);
  return hints;
}

// Schemas are trees (no $ref in structural schemas), but a depth bound keeps a hostile one cheap.
const MAX_DEPTH = 64;

function walk(schema: StructuralSchema, path: string, hints: ListHints, depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (schema.type === "array" || schema.items) {
    const listType = schema["x-kubernetes-list-type"];
    const keys = schema["x-kubernetes-list-map-keys"];
    if (path && listType === "map" && keys && keys.length > 0) hints.listMapKeys[path] = keys;
    if (path && listType === "set") hints.listSets.push(path);
    if (schema.items) walk(schema.items, path, hints, depth + 1);
    return;
  }
  for (const [name, child] of Object.entries(schema.properties ?? {})) walk(child, path ? `${path}.${name}` : name, hints, depth + 1);
}
