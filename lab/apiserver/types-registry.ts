// The kinds one lab cluster serves, looked up the way the HTTP layer needs them: by group/version/plural from a
// URL, by group/kind from a body.
import { builtinTypes } from "./builtin-types";
import { istioTypes } from "./istio-types";
import { tetrateTypes } from "./tetrate-types";
import type { ResourceType, TypeRegistry } from "./types";

export { apiVersionOf } from "./define-type";

export function createTypeRegistry(extra: ResourceType[] = []): TypeRegistry {
  const types = [...builtinTypes(), ...istioTypes(), ...tetrateTypes(), ...extra];
  const byPlural = new Map<string, ResourceType>();
  const byKind = new Map<string, ResourceType>();
  for (const type of types) {
    for (const version of type.servedVersions) byPlural.set(`${type.group}/${version}/${type.plural}`, type);
    byKind.set(`${type.group}/${type.kind}`, type);
  }
  return {
    all: () => [...types],
    byPlural: (group, version, plural) => byPlural.get(`${group}/${version}/${plural}`),
    byKind: (group, kind) => byKind.get(`${group}/${kind}`),
  };
}
