// One cluster's view of the kinds it serves: the lab's fixed kinds (shared by every cluster) plus the custom
// resources this cluster's CustomResourceDefinitions registered. Upstream each apiserver serves the CRDs stored
// in its own etcd, so a CRD applied to west is served by west only; registering or replacing a type takes effect
// for the next request (no restart), as the apiextensions handler swaps its storage map on every CRD change.
import type { ResourceType, TypeRegistry } from "./types";

export interface MutableTypeRegistry extends TypeRegistry {
  /** Serves `type` (replacing an earlier registration of the same group/kind). */
  register(type: ResourceType): void;
  /** Stops serving the custom type with this group/kind; the fixed kinds cannot be removed. */
  unregister(group: string, kind: string): void;
  /** Whether group/kind is one of the fixed kinds (not from a CRD). */
  isFixed(group: string, kind: string): boolean;
}

const kindKey = (group: string, kind: string) => `${group}/${kind}`;

export function createOverlayRegistry(base: TypeRegistry): MutableTypeRegistry {
  const custom = new Map<string, ResourceType>();
  let byPlural = new Map<string, ResourceType>();
  let all: ResourceType[] = base.all();
  const rebuild = (): void => {
    all = [...base.all(), ...custom.values()];
    byPlural = new Map();
    for (const type of custom.values()) {
      for (const version of type.servedVersions) byPlural.set(`${type.group}/${version}/${type.plural}`, type);
    }
  };
  return {
    all: () => [...all],
    byPlural: (group, version, plural) => base.byPlural(group, version, plural) ?? byPlural.get(`${group}/${version}/${plural}`),
    byKind: (group, kind) => base.byKind(group, kind) ?? custom.get(kindKey(group, kind)),
    register(type) {
      if (base.byKind(type.group, type.kind)) throw new Error(`lab: ${kindKey(type.group, type.kind)} is a fixed kind`);
      custom.set(kindKey(type.group, type.kind), type);
      rebuild();
    },
    unregister(group, kind) {
      if (custom.delete(kindKey(group, kind))) rebuild();
    },
    isFixed: (group, kind) => base.byKind(group, kind) !== undefined,
  };
}
