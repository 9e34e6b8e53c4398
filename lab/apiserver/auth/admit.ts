// The apiserver's filter chain for one request, in upstream's order: authentication (401), impersonation (403 or
// 400), then authorization of the effective user (403 with upstream's message).
import type { IncomingMessage } from "node:http";
import type { Route } from "../router";
import { StatusError } from "../types";
import { forbiddenError, requestAttributes } from "./attributes";
import { authenticate, type AuthConfig } from "./authenticate";
import type { Attributes, UserInfo } from "./identity";
import { impersonate } from "./impersonate";
import { authorize } from "./rbac-evaluator";
import type { RbacSource } from "./rbac-objects";

export type Admission =
  | { ok: true; user: UserInfo; impersonator?: UserInfo; attributes: Attributes }
  /** `user` is unset when authentication itself failed. */
  | { ok: false; error: StatusError; user?: UserInfo; impersonator?: UserInfo; attributes: Attributes };

export function admit(req: IncomingMessage, url: URL, target: Route, source: RbacSource, config: AuthConfig | undefined): Admission {
  const attributes = requestAttributes(req.method ?? "GET", url, target);
  let requester: UserInfo;
  try {
    requester = authenticate(req, url.pathname, config);
  } catch (error) {
    if (error instanceof StatusError) return { ok: false, error, attributes };
    throw error;
  }
  const acting = impersonate(req, requester, (user, attrs) => authorize(source, user, attrs));
  if (!acting.ok) return { ok: false, error: acting.error, user: acting.requester, attributes };
  const decision = authorize(source, acting.user, attributes);
  const who = { user: acting.user, ...(acting.impersonator ? { impersonator: acting.impersonator } : {}) };
  if (!decision.allowed) return { ok: false, error: forbiddenError(acting.user, attributes, decision.reason), ...who, attributes };
  return { ok: true, ...who, attributes };
}
