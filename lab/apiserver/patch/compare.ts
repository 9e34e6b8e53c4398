// typed.Compare: which field paths a write added, modified or removed. Semantics relied on (structured-merge-diff):
// - a scalar or an atomic list is a leaf: added, removed or modified as a whole;
// - a map (object) that appears gets its own path added (FieldsV1 ".": {}), one that disappears is removed, and
//   its contents are compared item by item; maps that are empty or absent on both sides are compared as leaves;
// - items of map/set lists are members themselves (added/removed); like a map, such a list that is absent on
//   one side is itself added/removed (compareWalker.compare: a non-leaf with a nil side);
// - everything under something removed is removed, everything under something added is added.
import { deepEqual } from "../object-util";
import { emptySet, insert, type FieldSet } from "./field-set";
import { fieldElement, valueElement } from "./fields-v1";
import { childPath, isRecord, itemElement, type Schema } from "./schema";

export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

interface Walk {
  schema: Schema;
  out: Comparison;
}

export function compare(lhs: unknown, rhs: unknown, schema: Schema): Comparison {
  const out: Comparison = { added: emptySet(), modified: emptySet(), removed: emptySet() };
  compareNode({ schema, out }, lhs, rhs, [], "");
  return out;
}

type Shape = "absent" | "map" | "list" | "scalar";

function shapeOf(value: unknown): Shape {
  if (value === undefined) return "absent";
  if (Array.isArray(value)) return "list";
  return isRecord(value) ? "map" : "scalar";
}

function isEmptyish(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isRecord(value) && Object.keys(value).length === 0;
}

function compareNode(walk: Walk, lhs: unknown, rhs: unknown, path: string[], dotted: string): void {
  const left = shapeOf(lhs);
  const right = shapeOf(rhs);
  if (left === "absent" && right === "absent") return;
  const shape = left === "absent" ? right : left;
  const sameShape = right === "absent" || left === "absent" || left === right;
  if (!sameShape || shape === "scalar" || (isEmptyish(lhs) && isEmptyish(rhs))) {
    compareLeaf(walk, lhs, rhs, path);
    if (!sameShape) {
      // A field that changed type: the old contents are gone and the new ones are new.
      if (left !== "scalar") compareNode(walk, lhs, undefined, path, dotted);
      if (right !== "scalar") compareNode(walk, undefined, rhs, path, dotted);
    }
    return;
  }
  if (shape === "map") compareMap(walk, lhs, rhs, path, dotted);
  else compareList(walk, lhs, rhs, path, dotted);
}

function compareLeaf(walk: Walk, lhs: unknown, rhs: unknown, path: string[]): void {
  if (lhs === undefined) insert(walk.out.added, path);
  else if (rhs === undefined) insert(walk.out.removed, path);
  else if (!deepEqual(lhs, rhs)) insert(walk.out.modified, path);
}

function compareMap(walk: Walk, lhs: unknown, rhs: unknown, path: string[], dotted: string): void {
  const left = isRecord(lhs) ? lhs : {};
  const right = isRecord(rhs) ? rhs : {};
  for (const name of new Set([...Object.keys(left), ...Object.keys(right)])) {
    compareNode(walk, left[name], right[name], [...path, fieldElement(name)], childPath(dotted, name));
  }
  if (path.length === 0) return;
  if (lhs === undefined) insert(walk.out.added, path);
  else if (rhs === undefined) insert(walk.out.removed, path);
}

function compareList(walk: Walk, lhs: unknown, rhs: unknown, path: string[], dotted: string): void {
  const listKind = walk.schema.listKind(dotted);
  if (listKind.kind === "atomic") {
    compareLeaf(walk, lhs, rhs, path);
    return;
  }
  const elementOf =
    listKind.kind === "map"
      ? (item: unknown, index: number) => itemElement(item, listKind.keys, index)
      : (item: unknown) => valueElement(item);
  const left = indexItems(Array.isArray(lhs) ? lhs : [], elementOf);
  const right = indexItems(Array.isArray(rhs) ? rhs : [], elementOf);
  for (const element of new Set([...left.keys(), ...right.keys()])) {
    const itemPath = [...path, element];
    if (listKind.kind === "set") compareLeaf(walk, left.get(element), right.get(element), itemPath);
    else compareItem(walk, left.get(element), right.get(element), itemPath, dotted);
  }
  // Like a map, a map/set list that appears or disappears is itself added or removed.
  if (lhs === undefined) insert(walk.out.added, path);
  else if (rhs === undefined) insert(walk.out.removed, path);
}

/** A map-list item is a member itself (added/removed whole) and its fields are compared like a map's. */
function compareItem(walk: Walk, lhs: unknown, rhs: unknown, path: string[], dotted: string): void {
  if (isRecord(lhs) || isRecord(rhs)) compareMap(walk, lhs, rhs, path, dotted);
  else compareLeaf(walk, lhs, rhs, path);
}

function indexItems(items: unknown[], elementOf: (item: unknown, index: number) => string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  items.forEach((item, index) => out.set(elementOf(item, index), item));
  return out;
}
