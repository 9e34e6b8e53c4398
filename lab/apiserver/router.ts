// Maps a request path onto what it addresses, the way the apiserver's installer lays out resource paths:
//   /api/v1/[watch/][namespaces/<ns>/]<plural>[/<name>[/<subresource>]]
//   /apis/<group>/<version>/… (same shape)
// plus discovery, version, health and OpenAPI paths.
import { REVIEW_RESOURCES } from "./auth/review-resources";
import type { ResourceType, TypeRegistry } from "./types";

export type Route =
  | { kind: "health" }
  | { kind: "version" }
  | { kind: "api" }
  | { kind: "apis" }
  | { kind: "group"; group: string }
  | { kind: "groupVersion"; group: string; version: string }
  | { kind: "openapi"; path: string }
  | ResourceRoute
  | ReviewRoute
  | { kind: "notFound" };

/** The create-only review resources, answered from the request's own identity and never stored. */
export interface ReviewRoute {
  kind: "review";
  group: string;
  version: string;
  resource: "selfsubjectaccessreviews" | "selfsubjectreviews";
}

const REVIEWS: ReviewRoute[] = REVIEW_RESOURCES.map(({ group, version, resource }) => ({ kind: "review", group, version, resource }));

export interface ResourceRoute {
  kind: "resource";
  type: ResourceType;
  group: string;
  version: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** Legacy /watch/ path prefix. */
  watchPath: boolean;
}

const HEALTH = new Set(["healthz", "readyz", "livez"]);
const NAMESPACE_SUBRESOURCES = new Set(["status", "finalize"]);

export function route(path: string, types: TypeRegistry): Route {
  const parts = path.split("/").filter((p) => p !== "").map(decodeURIComponent);
  const [first, second, third] = parts;
  if (first && HEALTH.has(first)) return { kind: "health" };
  if (first === "version" && parts.length === 1) return { kind: "version" };
  if (first === "openapi") return { kind: "openapi", path: parts.slice(1).join("/") };
  if (first === "api") {
    if (parts.length === 1) return { kind: "api" };
    if (second !== "v1") return { kind: "notFound" };
    if (parts.length === 2) return { kind: "groupVersion", group: "", version: "v1" };
    return resourceRoute("", "v1", parts.slice(2), types);
  }
  if (first === "apis") {
    if (!second) return { kind: "apis" };
    const review = REVIEWS.find((r) => parts.length === 4 && r.group === second && r.version === third && r.resource === parts[3]);
    if (review) return review;
    if (!third) return isServedGroup(types, second) ? { kind: "group", group: second } : { kind: "notFound" };
    if (!isServedVersion(types, second, third)) return { kind: "notFound" };
    if (parts.length === 3) return { kind: "groupVersion", group: second, version: third };
    return resourceRoute(second, third, parts.slice(3), types);
  }
  return { kind: "notFound" };
}

function resourceRoute(group: string, version: string, input: string[], types: TypeRegistry): Route {
  let rest = input;
  const watchPath = rest[0] === "watch";
  if (watchPath) rest = rest.slice(1);
  let namespace: string | undefined;
  // /namespaces/<ns>/<plural>… addresses namespaced content; /namespaces/<name>[/status|/finalize] the namespace.
  if (rest[0] === "namespaces" && rest.length >= 3 && !NAMESPACE_SUBRESOURCES.has(rest[2] ?? "")) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [plural, name, subresource, extra] = rest;
  if (!plural || extra !== undefined) return { kind: "notFound" };
  const type = types.byPlural(group, version, plural);
  if (!type || (namespace !== undefined && !type.namespaced)) return { kind: "notFound" };
  if (subresource !== undefined && !subresourceServed(type, subresource)) return { kind: "notFound" };
  return { kind: "resource", type, group, version, namespace, name, subresource, watchPath };
}

function subresourceServed(type: ResourceType, subresource: string): boolean {
  if (subresource === "status") return Boolean(type.subresources.status);
  if (subresource === "scale") return Boolean(type.subresources.scale);
  if (subresource === "log") return Boolean(type.subresources.log);
  if (subresource === "finalize") return type.group === "" && type.kind === "Namespace";
  return false;
}

function isServedGroup(types: TypeRegistry, group: string): boolean {
  return types.all().some((t) => t.group === group) || REVIEW_RESOURCES.some((r) => r.group === group);
}

function isServedVersion(types: TypeRegistry, group: string, version: string): boolean {
  return types.all().some((t) => t.group === group && t.servedVersions.includes(version)) || REVIEW_RESOURCES.some((r) => r.group === group && r.version === version);
}
