// The value side of server-side apply: typed.Merge (live ⊕ applied config) and RemoveItems (pruning fields the
// applier no longer applies). Maps merge key by key, atomic lists and scalars are replaced by the config, map
// lists merge item by item on their keys and set lists take the union, in upstream's order (see mergeOrdered).
import { deepEqual } from "../object-util";
import type { FieldPath } from "./field-set";
import { valueElement } from "./fields-v1";
import { childPath, isRecord, itemElement, type Schema } from "./schema";

export function mergeConfig(live: unknown, config: unknown, dotted: string, schema: Schema): unknown {
  if (isRecord(config)) {
    const out: Record<string, unknown> = isRecord(live) ? { ...live } : {};
    for (const [key, value] of Object.entries(config)) {
      if (value === null || value === undefined) continue;
      out[key] = mergeConfig(out[key], value, childPath(dotted, key), schema);
    }
    return out;
  }
  if (!Array.isArray(config) || !Array.isArray(live)) return structuredClone(config);
  const listKind = schema.listKind(dotted);
  if (listKind.kind === "atomic") return structuredClone(config);
  const elementOf = (item: unknown, index: number) =>
    listKind.kind === "map" ? itemElement(item, listKind.keys, index) : valueElement(item);
  const mergeItem = (left: unknown, right: unknown) =>
    listKind.kind === "map" && left !== undefined ? mergeConfig(left, right, dotted, schema) : structuredClone(right);
  return mergeOrdered(live, config, elementOf, mergeItem);
}

type Keyed = Array<{ element: string; item: unknown }>;

/**
 * structured-merge-diff's associative-list merge order: items both sides share follow the config's order, items
 * only the live list has keep their place relative to them, and new items come where the config puts them.
 */
function mergeOrdered(
  live: unknown[], config: unknown[], elementOf: (item: unknown, index: number) => string,
  mergeItem: (left: unknown, right: unknown) => unknown,
): unknown[] {
  const lhs: Keyed = live.map((item, index) => ({ element: elementOf(item, index), item }));
  const rhs: Keyed = config.map((item, index) => ({ element: elementOf(item, index), item }));
  const inLive = new Map(lhs.map((e) => [e.element, e.item]));
  const inConfig = new Set(rhs.map((e) => e.element));
  const shared = rhs.filter((e) => inLive.has(e.element)).map((e) => e.element);
  const done = new Set<string>();
  const out: unknown[] = [];
  let l = 0;
  let r = 0;
  while (l < lhs.length || r < rhs.length) {
    const left = lhs[l];
    const right = rhs[r];
    if (left && done.has(left.element)) l++;
    else if (left && right && left.element === right.element) {
      out.push(mergeItem(left.item, right.item));
      done.add(right.element);
      shared.shift();
      l++;
      r++;
    } else if (left && inConfig.has(left.element) && shared[0] !== undefined && shared[0] !== left.element) l++;
    else if (left && !inConfig.has(left.element)) {
      out.push(left.item);
      l++;
    } else if (right) {
      out.push(mergeItem(inLive.get(right.element), right.item));
      done.add(right.element);
      if (shared[0] === right.element) shared.shift();
      r++;
    } else l++;
  }
  return out;
}

/** Removes the value at each path (missing paths are ignored: pruning never invents anything). */
export function removePaths(object: Record<string, unknown>, paths: FieldPath[], schema: Schema): void {
  for (const path of paths) removePath(object, path, "", schema);
}

function removePath(container: unknown, path: FieldPath, dotted: string, schema: Schema): void {
  const [element, ...rest] = path;
  if (element === undefined || !element.startsWith("f:") || !isRecord(container)) return;
  const name = element.slice(2);
  const here = childPath(dotted, name);
  if (rest.length === 0) {
    delete container[name];
    return;
  }
  const child = container[name];
  if (isRecord(child)) {
    removePath(child, rest, here, schema);
    return;
  }
  if (!Array.isArray(child)) return;
  const [itemElement_, ...below] = rest;
  const index = findItem(child, itemElement_ ?? "", here, schema);
  if (index < 0) return;
  if (below.length === 0) child.splice(index, 1);
  else removePath(child[index], below, here, schema);
}

function findItem(list: unknown[], element: string, dotted: string, schema: Schema): number {
  if (element.startsWith("i:")) return Number(element.slice(2));
  const listKind = schema.listKind(dotted);
  return list.findIndex((item, index) => {
    if (element.startsWith("v:")) return deepEqual(JSON.parse(element.slice(2)), item);
    return listKind.kind === "map" && itemElement(item, listKind.keys, index) === element;
  });
}
