// Legacy (unaggregated) discovery documents: APIVersions, APIGroupList, APIGroup, APIResourceList. kubectl and
// client-go ask for aggregated discovery first and fall back to these when the answer is plain application/json.
import { createHash } from "node:crypto";
import { REVIEW_RESOURCES, reviewDiscoveryEntries } from "./auth/review-resources";
import { apiVersionOf } from "./define-type";
import type { ResourceType, TypeRegistry } from "./types";

const VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
const SUB_VERBS = ["get", "patch", "update"];

/**
 * The verbs a kind's storage supports, as discovery lists them and the router enforces them. In 1.32 two core
 * kinds have no collection delete: namespaces (their deletion is the namespace lifecycle) and services (their REST
 * delete releases cluster IPs and node ports one by one; kubernetes#98994). A DELETE of their collection is 405.
 */
export function resourceVerbs(type: ResourceType): string[] {
  const noCollectionDelete = type.group === "" && (type.kind === "Namespace" || type.kind === "Service");
  return noCollectionDelete ? VERBS.filter((v) => v !== "deletecollection") : VERBS;
}

export interface SubresourceEntry {
  name: string;
  kind: string;
  verbs: string[];
  /** Set when the subresource answers with a kind of another group (deployments/scale → autoscaling/v1 Scale). */
  group?: string;
  version?: string;
}

/** The subresources a kind serves, in upstream's order (by name). */
export function subresourceEntries(type: ResourceType): SubresourceEntry[] {
  const entries: SubresourceEntry[] = [];
  if (type.group === "" && type.kind === "Namespace") entries.push({ name: "finalize", kind: "Namespace", verbs: ["update"] });
  if (type.subresources.log) entries.push({ name: "log", kind: type.kind, verbs: ["get"] });
  if (type.subresources.scale) entries.push({ name: "scale", kind: "Scale", verbs: SUB_VERBS, group: "autoscaling", version: "v1" });
  if (type.subresources.status) entries.push({ name: "status", kind: type.kind, verbs: SUB_VERBS });
  return entries;
}

export function apiVersions(serverAddress: string): Record<string, unknown> {
  return { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress }] };
}

/** Groups in upstream's order: built-in groups first (by registration), then CRD groups alphabetically. */
export function groups(types: TypeRegistry): Array<{ name: string; versions: string[] }> {
  const seen = new Map<string, { name: string; versions: string[]; custom: boolean }>();
  for (const type of types.all()) {
    if (type.group === "") continue;
    const entry = seen.get(type.group) ?? { name: type.group, versions: [], custom: type.custom };
    for (const version of [type.version, ...type.servedVersions]) if (!entry.versions.includes(version)) entry.versions.push(version);
    seen.set(type.group, entry);
  }
  // The review groups hold no stored kind; they are built-in groups like the others.
  for (const review of REVIEW_RESOURCES) {
    const entry = seen.get(review.group) ?? { name: review.group, versions: [], custom: false };
    if (!entry.versions.includes(review.version)) entry.versions.push(review.version);
    seen.set(review.group, entry);
  }
  const all = [...seen.values()];
  return [...all.filter((g) => !g.custom), ...all.filter((g) => g.custom).sort((a, b) => a.name.localeCompare(b.name))];
}

function groupDoc(group: { name: string; versions: string[] }): Record<string, unknown> {
  const versions = group.versions.map((version) => ({ groupVersion: `${group.name}/${version}`, version }));
  return { name: group.name, versions, preferredVersion: versions[0] };
}

export function apiGroupList(types: TypeRegistry): Record<string, unknown> {
  return { kind: "APIGroupList", apiVersion: "v1", groups: groups(types).map(groupDoc) };
}

export function apiGroup(types: TypeRegistry, name: string): Record<string, unknown> | undefined {
  const group = groups(types).find((g) => g.name === name);
  return group ? { kind: "APIGroup", apiVersion: "v1", ...groupDoc(group) } : undefined;
}

export function storageVersionHash(type: ResourceType): string {
  return createHash("sha256").update(`${type.group}/${type.version}/${type.kind}`).digest("base64").slice(0, 11);
}

function resourceEntries(type: ResourceType): Array<Record<string, unknown>> {
  const main: Record<string, unknown> = {
    name: type.plural, singularName: type.singular, namespaced: type.namespaced, kind: type.kind, verbs: resourceVerbs(type),
    storageVersionHash: storageVersionHash(type),
  };
  if (type.shortNames.length > 0) main.shortNames = type.shortNames;
  if (type.categories && type.categories.length > 0) main.categories = type.categories;
  const subs = subresourceEntries(type).map(({ name, kind, verbs, group, version }) => ({
    name: `${type.plural}/${name}`, singularName: "", namespaced: type.namespaced, kind, verbs, ...(group ? { group, version } : {}),
  }));
  return [main, ...subs];
}

export function apiResourceList(types: TypeRegistry, group: string, version: string): Record<string, unknown> {
  const served = types.all().filter((t) => t.group === group && t.servedVersions.includes(version));
  const resources = [...served.sort((a, b) => a.plural.localeCompare(b.plural)).flatMap(resourceEntries), ...reviewDiscoveryEntries(group, version)];
  return { kind: "APIResourceList", apiVersion: "v1", groupVersion: apiVersionOf(group, version), resources };
}

export function versionInfo(): Record<string, unknown> {
  return {
    major: "1", minor: "32", gitVersion: "v1.32.4", gitCommit: "59526cd4867447956156ae3a602fcbac5e5bd3a9", gitTreeState: "clean",
    buildDate: "2025-04-22T16:02:27Z", goVersion: "go1.23.6", compiler: "gc", platform: "linux/amd64",
  };
}
