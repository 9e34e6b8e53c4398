// Impersonation (k8s.io/apiserver/pkg/endpoints/filters/impersonation.go): `Impersonate-User`, `Impersonate-Group`
// (repeatable) and `Impersonate-Uid` headers make the request act as another user, if the requester may
// `impersonate` each of them (users, groups, serviceaccounts, uids.authentication.k8s.io); the first refusal is a
// 403 naming what was refused. The impersonated user gets exactly the groups asked for, plus system:authenticated
// (system:unauthenticated for system:anonymous), and a service account its two system groups.
import type { IncomingMessage } from "node:http";
import { badRequest } from "../status";
import type { StatusError } from "../types";
import { forbiddenError } from "./attributes";
import { ANONYMOUS_USER, AUTHENTICATED_GROUP, UNAUTHENTICATED_GROUP, type Attributes, type UserInfo } from "./identity";
import type { Decision } from "./rbac-evaluator";

export type Authorizer = (user: UserInfo, attributes: Attributes) => Decision;

export type Impersonation = { ok: true; user: UserInfo; impersonator?: UserInfo } | { ok: false; error: StatusError; requester: UserInfo };

const SA_PREFIX = "system:serviceaccount:";

function headerValues(req: IncomingMessage, name: string): string[] {
  return (req.headersDistinct[name] ?? []).filter((v) => v !== "");
}

function impersonated(name: string, uid: string | undefined, groups: string[]): UserInfo {
  const all = [...groups];
  if (name.startsWith(SA_PREFIX)) {
    const namespace = name.slice(SA_PREFIX.length).split(":")[0] ?? "";
    all.push("system:serviceaccounts", `system:serviceaccounts:${namespace}`);
  }
  const asked = (g: string) => all.includes(g);
  if (name === ANONYMOUS_USER) {
    if (!asked(UNAUTHENTICATED_GROUP)) all.push(UNAUTHENTICATED_GROUP);
  } else if (!asked(AUTHENTICATED_GROUP) && !asked(UNAUTHENTICATED_GROUP)) {
    all.push(AUTHENTICATED_GROUP);
  }
  return { name, ...(uid ? { uid } : {}), groups: all };
}

function checks(name: string, uid: string | undefined, groups: string[]): Attributes[] {
  const user: Attributes = name.startsWith(SA_PREFIX)
    ? (() => {
        const [namespace = "", account = ""] = name.slice(SA_PREFIX.length).split(":");
        return { resourceRequest: true, verb: "impersonate", apiGroup: "", resource: "serviceaccounts", namespace, name: account };
      })()
    : { resourceRequest: true, verb: "impersonate", apiGroup: "", resource: "users", name };
  const groupChecks: Attributes[] = groups.map((g) => ({ resourceRequest: true, verb: "impersonate", apiGroup: "", resource: "groups", name: g }));
  const uidCheck: Attributes[] = uid ? [{ resourceRequest: true, verb: "impersonate", apiGroup: "authentication.k8s.io", resource: "uids", name: uid }] : [];
  return [user, ...groupChecks, ...uidCheck];
}

export function impersonate(req: IncomingMessage, requester: UserInfo, authorize: Authorizer): Impersonation {
  const name = headerValues(req, "impersonate-user")[0];
  const groups = headerValues(req, "impersonate-group");
  const uid = headerValues(req, "impersonate-uid")[0];
  if (name === undefined) {
    if (groups.length === 0 && uid === undefined) return { ok: true, user: requester };
    return { ok: false, error: badRequest(`requested impersonation of groups [${groups.join(" ")}]${uid ? ` and uid "${uid}"` : ""} without impersonating a user`), requester };
  }
  for (const attributes of checks(name, uid, groups)) {
    const decision = authorize(requester, attributes);
    if (!decision.allowed) return { ok: false, error: forbiddenError(requester, attributes, decision.reason), requester };
  }
  return { ok: true, user: impersonated(name, uid, groups), impersonator: requester };
}
