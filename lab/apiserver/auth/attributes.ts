// The authorizer.Attributes of a request, as k8s.io/apiserver's RequestInfoFactory derives them from the path and
// method: GET → get/list (watch with ?watch or the /watch/ prefix), POST → create, PUT → update, PATCH → patch,
// DELETE → delete/deletecollection; a list or watch narrowed by `fieldSelector=metadata.name=<n>` carries that name;
// a namespace's own namespace is itself. Paths that address no resource are non-resource requests (verb = method).
import type { Route } from "../router";
import { statusError } from "../status";
import type { StatusError } from "../types";
import type { Attributes, UserInfo } from "./identity";

function resourceVerb(method: string, named: boolean, watch: boolean): string {
  if (method === "POST") return "create";
  if (method === "PUT") return "update";
  if (method === "PATCH") return "patch";
  if (method === "DELETE") return named ? "delete" : "deletecollection";
  if (watch) return "watch";
  return named ? "get" : "list";
}

function nameFromFieldSelector(query: URLSearchParams): string | undefined {
  const selector = query.get("fieldSelector") ?? "";
  const match = /^metadata\.name==?([^,]+)$/.exec(selector);
  return match?.[1];
}

export function requestAttributes(method: string, url: URL, target: Route): Attributes {
  if (target.kind === "review") return { resourceRequest: true, verb: resourceVerb(method, false, false), apiGroup: target.group, resource: target.resource };
  if (target.kind !== "resource") return { resourceRequest: false, verb: method.toLowerCase(), path: url.pathname };
  const watchParam = url.searchParams.get("watch");
  const watch = target.watchPath || watchParam === "true" || watchParam === "1";
  const named = target.name !== undefined;
  const verb = resourceVerb(method, named, watch);
  const name = target.name ?? (verb === "list" || verb === "watch" ? nameFromFieldSelector(url.searchParams) : undefined);
  const isNamespace = target.type.group === "" && target.type.plural === "namespaces";
  const namespace = isNamespace && target.name !== undefined ? target.name : target.namespace;
  return {
    resourceRequest: true, verb, apiGroup: target.group, resource: target.type.plural,
    ...(target.subresource ? { subresource: target.subresource } : {}),
    ...(namespace ? { namespace } : {}),
    ...(name ? { name } : {}),
  };
}

/** authorization/filters forbiddenMessage, as the 403 Status carries it. */
export function forbiddenMessage(user: UserInfo, attributes: Attributes): string {
  if (!attributes.resourceRequest) return `User "${user.name}" cannot ${attributes.verb} path "${attributes.path}"`;
  const resource = attributes.subresource ? `${attributes.resource}/${attributes.subresource}` : attributes.resource;
  const base = `User "${user.name}" cannot ${attributes.verb} resource "${resource}" in API group "${attributes.apiGroup}"`;
  return attributes.namespace ? `${base} in the namespace "${attributes.namespace}"` : `${base} at the cluster scope`;
}

/** responsewriters.ForbiddenStatusError → apierrors.NewForbidden(groupResource, name, message[: reason]). */
export function forbiddenError(user: UserInfo, attributes: Attributes, reason: string): StatusError {
  const text = reason ? `${forbiddenMessage(user, attributes)}: ${reason}` : forbiddenMessage(user, attributes);
  if (!attributes.resourceRequest) return statusError(403, "Forbidden", `forbidden: ${text}`, {});
  const { apiGroup: group, resource, name } = attributes;
  const gr = group ? `${resource}.${group}` : resource;
  const message = name ? `${gr} "${name}" is forbidden: ${text}` : `${gr} is forbidden: ${text}`;
  return statusError(403, "Forbidden", message, { ...(name ? { name } : {}), ...(group ? { group } : {}), kind: resource });
}
