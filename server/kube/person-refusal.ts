// A cluster's 403 to a call made for a person (impersonated), said as what that person may not do: "you may not
// <verb> <resource> in <cluster>", followed by the cluster's own reason verbatim (its RBAC message names the
// user, verb, resource and namespace it judged). A 403 for the impersonation itself is the console's credentials
// lacking `impersonate`, a setup problem, and is said so instead of blaming the person.
//
// Kubernetes semantics relied on: the authorization filter answers `apierrors.NewForbidden(groupResource, name,
// reason)`, a Status with reason Forbidden, `details.kind` = the resource (plural), `details.group`, and a message
// `<resource>[.<group>] "<name>" is forbidden: User "<u>" cannot <verb> resource "<resource>[/<sub>]" …`. The
// verb is the one RBAC judged: `patch` for server-side apply, or `create` when that apply would create the object.
import type { Impersonation } from "./impersonation";
import type { KubeStatus } from "./kube-status";

const VERB_OF_METHOD: Record<string, string> = { GET: "get", POST: "create", PUT: "update", PATCH: "patch", DELETE: "delete" };

/** What RBAC said it judged, read from the upstream message; undefined parts when the message is another form. */
function judged(message: string | undefined): { verb?: string; resource?: string } {
  const found = /cannot (\S+) resource "([^"]+)"/.exec(message ?? "");
  return { verb: found?.[1], resource: found?.[2] };
}

/** `ingressgateways.install.tetrate.io`, `deployments.apps/scale`, `pods` (the core group has no suffix). */
function groupResource(resource: string, group: string | undefined): string {
  const [plural = resource, ...sub] = resource.split("/");
  const named = group ? `${plural}.${group}` : plural;
  return sub.length > 0 ? `${named}/${sub.join("/")}` : named;
}

export type RefusedCall = { cluster: string; method: string; /** Our own words for the target, when the Status names none. */ what: string };

/** The sentence for a 403 answered to a call made as `who`. */
export function personRefusalMessage(call: RefusedCall, who: Impersonation, status: KubeStatus): string {
  const said = judged(status.message);
  const reason = status.message ?? `${call.cluster} answered 403 Forbidden.`;
  if (said.verb === "impersonate") {
    return `The console may not act as ${who.user} in ${call.cluster}: its own credentials lack the impersonate permission (see deploy/rbac). ${reason}`;
  }
  const verb = said.verb ?? VERB_OF_METHOD[call.method] ?? call.method.toLowerCase();
  const resource = said.resource ?? status.details?.kind;
  const target = resource ? groupResource(resource, status.details?.group) : call.what;
  return `you may not ${verb} ${target} in ${call.cluster}: ${reason}`;
}
