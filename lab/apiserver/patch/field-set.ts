// A set of field paths, shaped like structured-merge-diff's fieldpath.Set: a tree whose edges are serialized
// path elements ("f:name", "k:{...}", "v:...", "i:0") and whose nodes say whether the path itself is a member.
// Keeping edges in their FieldsV1 spelling makes encoding to and from managedFields a direct walk.

export interface FieldSet {
  /** The path ending at this node is itself in the set (FieldsV1 writes it as ".": {}). */
  member: boolean;
  children: Map<string, FieldSet>;
}

export type FieldPath = readonly string[];

export function emptySet(): FieldSet {
  return { member: false, children: new Map() };
}

// Every operation here returns a pruned tree (no node without a member at or below it), so emptiness is a
// constant-time check; insert and the FieldsV1 decoder build pruned trees too.
export function isEmpty(set: FieldSet): boolean {
  return !set.member && set.children.size === 0;
}

export function insert(set: FieldSet, path: FieldPath): void {
  let node = set;
  for (const element of path) {
    let next = node.children.get(element);
    if (!next) {
      next = emptySet();
      node.children.set(element, next);
    }
    node = next;
  }
  node.member = true;
}

export function has(set: FieldSet, path: FieldPath): boolean {
  const node = nodeAt(set, path);
  return node !== undefined && node.member;
}

export function nodeAt(set: FieldSet, path: FieldPath): FieldSet | undefined {
  let node: FieldSet | undefined = set;
  for (const element of path) {
    node = node.children.get(element);
    if (!node) return undefined;
  }
  return node;
}

function settled(member: boolean, children: Map<string, FieldSet>): FieldSet {
  for (const [element, child] of children) if (isEmpty(child)) children.delete(element);
  return { member, children };
}

export function union(a: FieldSet, b: FieldSet): FieldSet {
  const children = new Map<string, FieldSet>();
  for (const element of new Set([...a.children.keys(), ...b.children.keys()])) {
    const left = a.children.get(element);
    const right = b.children.get(element);
    children.set(element, left && right ? union(left, right) : (left ?? right ?? emptySet()));
  }
  return settled(a.member || b.member, children);
}

/** Members of `a` that are not members of `b` (fieldpath.Set.Difference: exact paths, not subtrees). */
export function difference(a: FieldSet, b: FieldSet): FieldSet {
  const children = new Map<string, FieldSet>();
  for (const [element, child] of a.children) {
    const other = b.children.get(element);
    children.set(element, other ? difference(child, other) : child);
  }
  return settled(a.member && !b.member, children);
}

export function intersection(a: FieldSet, b: FieldSet): FieldSet {
  const children = new Map<string, FieldSet>();
  for (const [element, child] of a.children) {
    const other = b.children.get(element);
    if (other) children.set(element, intersection(child, other));
  }
  return settled(a.member && b.member, children);
}

/** Only the members under the top-level field elements given (e.g. ["f:status"]). */
export function restrictTo(set: FieldSet, elements: readonly string[]): FieldSet {
  const out = emptySet();
  for (const element of elements) {
    const child = set.children.get(element);
    if (child && !isEmpty(child)) out.children.set(element, child);
  }
  return out;
}

/** Every member except those under the top-level field elements given. */
export function without(set: FieldSet, elements: readonly string[]): FieldSet {
  const out: FieldSet = { member: false, children: new Map(set.children) };
  for (const element of elements) out.children.delete(element);
  return out;
}

/** True when some member lies strictly below `path`. */
export function hasMemberBelow(set: FieldSet, path: FieldPath): boolean {
  const node = nodeAt(set, path);
  return node !== undefined && node.children.size > 0;
}

/** All member paths, in FieldsV1 order (fields, then keys, then values, then indices). */
export function members(set: FieldSet, prefix: FieldPath = []): string[][] {
  const out: string[][] = [];
  if (set.member && prefix.length > 0) out.push([...prefix]);
  for (const element of sortElements([...set.children.keys()])) {
    const child = set.children.get(element);
    if (child) out.push(...members(child, [...prefix, element]));
  }
  return out;
}

const ELEMENT_RANK: Record<string, number> = { f: 0, k: 1, v: 2, i: 3 };

/** PathElement ordering upstream serializes in: by kind, then by value. */
export function sortElements(elements: string[]): string[] {
  return elements.sort((a, b) => {
    const rank = (ELEMENT_RANK[a.slice(0, 1)] ?? 9) - (ELEMENT_RANK[b.slice(0, 1)] ?? 9);
    if (rank !== 0) return rank;
    if (a.startsWith("i:") && b.startsWith("i:")) return Number(a.slice(2)) - Number(b.slice(2));
    return a < b ? -1 : a > b ? 1 : 0;
  });
}
