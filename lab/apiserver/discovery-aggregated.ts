// Aggregated discovery (apidiscovery.k8s.io/v2, GA in 1.30): /api and /apis answer every group, version and
// resource in one document when the client asks for it in Accept, as kubectl and client-go 1.32 do
// ("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,…;v=v2beta1…,application/json"); a plain
// application/json keeps the legacy documents (discovery.ts). The shapes follow k8s.io/api/apidiscovery/v2 and the
// golden api/discovery/aggregated_v2.json: built-in resources carry responseKind with empty group and version
// (the installer copies the APIResource's own, empty for same-group kinds), CRD-backed ones the full
// group/version/kind (apiextensions' discovery controller), subresources of another group (scale) theirs.
import { createHash } from "node:crypto";
import { REVIEW_RESOURCES } from "./auth/review-resources";
import { groups, resourceVerbs, subresourceEntries } from "./discovery";
import type { ResourceType, TypeRegistry } from "./types";

export type DiscoveryVersion = "v2" | "v2beta1";

type Gvk = { group: string; version: string; kind: string };

function responseKind(type: ResourceType, version: string, kind = type.kind): Gvk {
  return type.custom ? { group: type.group, version, kind } : { group: "", version: "", kind };
}

function resourceDiscovery(type: ResourceType, version: string): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    resource: type.plural,
    responseKind: responseKind(type, version),
    scope: type.namespaced ? "Namespaced" : "Cluster",
    singularResource: type.singular,
    verbs: resourceVerbs(type),
  };
  if (type.shortNames.length > 0) entry.shortNames = type.shortNames;
  if (type.categories && type.categories.length > 0) entry.categories = type.categories;
  const subresources = subresourceEntries(type).map((sub) => ({
    subresource: sub.name,
    responseKind: sub.group ? { group: sub.group, version: sub.version ?? "", kind: sub.kind } : responseKind(type, version, sub.kind),
    verbs: sub.verbs,
  }));
  if (subresources.length > 0) entry.subresources = subresources;
  return entry;
}

function reviewDiscovery(group: string, version: string): Array<Record<string, unknown>> {
  return REVIEW_RESOURCES.filter((r) => r.group === group && r.version === version).map((r) => ({
    resource: r.resource, responseKind: { group: "", version: "", kind: r.kind }, scope: "Cluster", singularResource: r.kind.toLowerCase(), verbs: ["create"],
  }));
}

function versionDiscovery(types: TypeRegistry, group: string, version: string): Record<string, unknown> {
  const served = types.all().filter((t) => t.group === group && t.servedVersions.includes(version)).sort((a, b) => a.plural.localeCompare(b.plural));
  const resources = [...served.map((t) => resourceDiscovery(t, version)), ...reviewDiscovery(group, version)];
  return { version, resources, freshness: "Current" };
}

function groupDiscovery(types: TypeRegistry, name: string, versions: string[]): Record<string, unknown> {
  const metadata: Record<string, unknown> = { creationTimestamp: null };
  if (name !== "") metadata.name = name;
  return { metadata, versions: versions.map((v) => versionDiscovery(types, name, v)) };
}

/** The APIGroupDiscoveryList of /api (the core group only) or /apis (every named group). */
export function aggregatedDiscovery(types: TypeRegistry, path: "api" | "apis", version: DiscoveryVersion): Record<string, unknown> {
  const items = path === "api" ? [groupDiscovery(types, "", ["v1"])] : groups(types).map((g) => groupDiscovery(types, g.name, g.versions));
  return { kind: "APIGroupDiscoveryList", apiVersion: `apidiscovery.k8s.io/${version}`, metadata: {}, items };
}

export function aggregatedContentType(version: DiscoveryVersion): string {
  return `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`;
}

/** The ETag upstream sends with aggregated discovery ("%X" of the document's SHA-512, quoted) for If-None-Match. */
export function discoveryEtag(body: string): string {
  return `"${createHash("sha512").update(body).digest("hex").toUpperCase()}"`;
}
