import type { ResourceType } from "./types";

/** Shorthand for declaring a kind: plural/singular/listKind derived unless given. */
export function defineType(spec: Partial<ResourceType> & Pick<ResourceType, "group" | "version" | "kind" | "plural">): ResourceType {
  return {
    servedVersions: [spec.version],
    listKind: `${spec.kind}List`,
    singular: spec.kind.toLowerCase(),
    namespaced: true,
    shortNames: [],
    custom: false,
    subresources: {},
    ...spec,
  };
}

/** "networking.istio.io/v1", or "v1" for the core group. */
export function apiVersionOf(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}
