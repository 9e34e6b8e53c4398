// FieldsV1 encoding (the managedFields wire format) and the path-element spellings upstream uses:
// "f:<field>", "k:<json object of the key fields, sorted>", "v:<json value>", "i:<index>"; a node that is itself
// a member carries ".": {}. Conflict messages render paths as fieldpath.Path.String() does: ".spec.ports[name=\"a\"]".
import { emptySet, sortElements, type FieldPath, type FieldSet } from "./field-set";

export function fieldElement(name: string): string {
  return `f:${name}`;
}

/** A keyed list item: the key fields in name order, as value.FieldList sorts them. */
export function keyElement(key: Record<string, unknown>): string {
  const sorted = Object.keys(key).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(key[k])}`);
  return `k:{${sorted.join(",")}}`;
}

export function valueElement(value: unknown): string {
  return `v:${JSON.stringify(value)}`;
}

export function indexElement(index: number): string {
  return `i:${index}`;
}

export function encodeFieldsV1(set: FieldSet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // A member with children says so with ".": {}; a member leaf is just {}.
  if (set.member && set.children.size > 0) out["."] = {};
  for (const element of sortElements([...set.children.keys()])) {
    const child = set.children.get(element);
    if (child) out[element] = encodeFieldsV1(child);
  }
  return out;
}

/** Decodes FieldsV1; returns undefined when the shape is not a FieldsV1 tree (upstream then resets managedFields). */
export function decodeFieldsV1(encoded: unknown): FieldSet | undefined {
  if (typeof encoded !== "object" || encoded === null || Array.isArray(encoded)) return undefined;
  const set = emptySet();
  for (const [element, child] of Object.entries(encoded)) {
    if (element === ".") {
      set.member = true;
      continue;
    }
    if (!/^[fkvi]:/.test(element)) return undefined;
    const decoded = decodeFieldsV1(child);
    if (!decoded) return undefined;
    // A leaf written as {} is a member with no children.
    if (decoded.children.size === 0) decoded.member = true;
    set.children.set(element, decoded);
  }
  return set;
}

// value.ToString: strings quoted, numbers and booleans bare — which is what JSON spells.
function renderValue(value: unknown): string {
  return JSON.stringify(value);
}

/** One element as fieldpath.PathElement.String() prints it. */
export function renderElement(element: string): string {
  const body = element.slice(2);
  switch (element.slice(0, 1)) {
    case "f":
      return `.${body}`;
    case "k": {
      const key = JSON.parse(body) as Record<string, unknown>;
      return `[${Object.keys(key).map((k) => `${k}=${renderValue(key[k])}`).join(",")}]`;
    }
    case "v":
      return `[=${renderValue(JSON.parse(body))}]`;
    default:
      return `[${body}]`;
  }
}

export function renderPath(path: FieldPath): string {
  return path.map(renderElement).join("");
}
