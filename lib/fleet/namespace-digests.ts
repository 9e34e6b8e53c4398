// Cheap digests of a cached object map, per namespace: which objects it holds and at which resourceVersion. A
// resourceVersion is opaque (compare for equality only), and the API server changes it on every write of the object,
// so equal digests mean nothing in that namespace was written. The fleet cache hands out the same map object while a
// kind is unchanged, so callers memoize these by map identity and pay only for the kinds that changed.
import type { CachedObject, ObjectMap } from "./snapshot-types";

/** namespace → digest of its objects (cluster-scoped objects under ""). */
export type NamespaceDigests = ReadonlyMap<string, string>;

/** A 53-bit string hash (cyrb53): not cryptographic, collisions are as rare as a spurious or missed refresh should be. */
export function hash53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** What identifies one version of an object: its name and resourceVersion (its whole JSON when it has none). */
function versionOf(key: string, object: CachedObject): string {
  return `${key}@${object.metadata.resourceVersion ?? JSON.stringify(object)}`;
}

/** Every namespace's objects, in map order, folded into one digest per namespace. */
export function namespaceDigests(objects: ObjectMap): NamespaceDigests {
  const parts = new Map<string, string[]>();
  for (const [key, object] of objects) {
    const ns = object.metadata.namespace ?? "";
    const list = parts.get(ns);
    if (list) list.push(versionOf(key, object));
    else parts.set(ns, [versionOf(key, object)]);
  }
  return new Map([...parts].map(([ns, list]) => [ns, hash53(list.join("\n"))]));
}

/**
 * Names and labels only, for Nodes: a pod's locality is its Node's topology labels, while a Node's resourceVersion
 * moves with every status heartbeat, which must not count as a change.
 */
export function labelsDigest(objects: ObjectMap): string {
  const parts: string[] = [];
  for (const [key, object] of objects) parts.push(`${key}:${JSON.stringify(object.metadata.labels ?? {})}`);
  return hash53(parts.join("\n"));
}
