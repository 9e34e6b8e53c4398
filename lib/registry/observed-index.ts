// A list of live objects indexed for the comparison's lookups (compare.ts): by name, the objects' own strings.
// An index keyed by id (`Kind namespace/name`) made one new string per live object, and a Map key is hashed, so
// V8 flattened each into a copy too: ~120 bytes per object, 570,000 of them at 20 × 500, kept for the life of
// the list. A name is shared by at most a few objects of other kinds or namespaces (a ServiceEntry and its
// DestinationRule), told apart on lookup.
import { remembered, type RegistryMemos } from "./registry-memos";
import type { ObservedObject } from "./types";

export type ObservedIndex = ReadonlyMap<string, ObservedObject | readonly ObservedObject[]>;

/** `observed` by name, built once per list (with memos). */
export function observedIndex(observed: readonly ObservedObject[], memos?: RegistryMemos): ObservedIndex {
  return remembered(memos?.indexes, observed, () => {
    const index = new Map<string, ObservedObject | ObservedObject[]>();
    for (const o of observed) {
      const there = index.get(o.name);
      if (there === undefined) index.set(o.name, o);
      else if (Array.isArray(there)) there.push(o);
      else index.set(o.name, [there as ObservedObject, o]);
    }
    return index;
  });
}

/** The live object of this kind, namespace and name in `index`, if any. */
export function liveNamed(index: ObservedIndex, kind: string, namespace: string, name: string): ObservedObject | undefined {
  const there = index.get(name);
  if (there === undefined) return undefined;
  const matches = (o: ObservedObject) => o.kind === kind && o.namespace === namespace;
  if (!Array.isArray(there)) return matches(there as ObservedObject) ? (there as ObservedObject) : undefined;
  return (there as readonly ObservedObject[]).find(matches);
}

/** The live object an id (`Kind namespace/name`, types.ts: observedId) names in `index`, if any. */
export function liveById(index: ObservedIndex, id: string): ObservedObject | undefined {
  // Neither a kind nor a namespace holds a space or a slash.
  const space = id.indexOf(" ");
  const slash = id.indexOf("/", space + 1);
  if (space < 0 || slash < 0) return undefined;
  return liveNamed(index, id.slice(0, space), id.slice(space + 1, slash), id.slice(slash + 1));
}
