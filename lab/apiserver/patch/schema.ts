// How server-side apply treats each list: the ResourceType's hints (dotted paths that skip list items, e.g.
// "spec.template.spec.containers") say which lists merge as maps or sets; every other list is atomic, as for a
// CRD without x-kubernetes-list-type. ObjectMeta's own markers apply to every kind.
import { isRecord } from "../object-util";
import type { ResourceType } from "../types";
import { indexElement, keyElement } from "./fields-v1";

export type ListKind = { kind: "atomic" } | { kind: "map"; keys: string[] } | { kind: "set" };

export interface Schema {
  listKind(dottedPath: string): ListKind;
}

// metav1.ObjectMeta: finalizers is +listType=set, ownerReferences is +listType=map keyed by uid.
const META_MAPS: Record<string, string[]> = { "metadata.ownerReferences": ["uid"] };
const META_SETS = ["metadata.finalizers"];

export function schemaFor(type: ResourceType): Schema {
  const maps: Record<string, string[]> = { ...META_MAPS, ...(type.listMapKeys ?? {}) };
  const sets = new Set([...META_SETS, ...(type.listSets ?? [])]);
  return {
    listKind(dottedPath) {
      const keys = maps[dottedPath];
      if (keys) return { kind: "map", keys };
      if (sets.has(dottedPath)) return { kind: "set" };
      return { kind: "atomic" };
    },
  };
}

export function childPath(dottedPath: string, field: string): string {
  return dottedPath ? `${dottedPath}.${field}` : field;
}

export { isRecord };

// Upstream fills a missing key field from its schema default (protocol defaults to TCP on every port list).
const KEY_DEFAULTS: Record<string, unknown> = { protocol: "TCP" };

/** The key values of a map-list item, or undefined when a key field is missing and has no default. */
export function itemKey(item: unknown, keys: string[]): Record<string, unknown> | undefined {
  if (!isRecord(item)) return undefined;
  const key: Record<string, unknown> = {};
  for (const name of keys) {
    const value = item[name] ?? KEY_DEFAULTS[name];
    if (value === undefined) return undefined;
    key[name] = value;
  }
  return key;
}

/** The path element of a map-list item: "k:{...}", or "i:<n>" for an item whose key cannot be formed. */
export function itemElement(item: unknown, keys: string[], index: number): string {
  const key = itemKey(item, keys);
  return key ? keyElement(key) : indexElement(index);
}
