// SelfSubjectReview (authentication.k8s.io/v1: "who am I", `kubectl auth whoami`) and SelfSubjectAccessReview
// (authorization.k8s.io/v1: "may I", `kubectl auth can-i`): create-only, answered from the request's effective
// user (after impersonation) with 201 and never stored, as upstream's REST storage for them does.
import type { IncomingMessage, ServerResponse } from "node:http";
import { decodeObject } from "../body";
import { defineType } from "../define-type";
import { readBodyBytes, sendJson } from "../http-util";
import { isRecord } from "../object-util";
import type { ReviewRoute } from "../router";
import { invalid, methodNotAllowed } from "../status";
import type { Attributes, UserInfo } from "./identity";
import { authorize } from "./rbac-evaluator";
import type { RbacSource } from "./rbac-objects";

const SSAR_TYPE = defineType({ group: "authorization.k8s.io", version: "v1", kind: "SelfSubjectAccessReview", plural: "selfsubjectaccessreviews", namespaced: false });

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function reviewAttributes(spec: Record<string, unknown>): Attributes {
  const resource = spec.resourceAttributes;
  const nonResource = spec.nonResourceAttributes;
  if (isRecord(resource) === isRecord(nonResource)) {
    const detail = `Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified`;
    throw invalid(SSAR_TYPE, "", [{ field: "spec.resourceAttributes", reason: "FieldValueInvalid", detail }]);
  }
  if (isRecord(nonResource)) return { resourceRequest: false, verb: text(nonResource.verb), path: text(nonResource.path) };
  const r = resource as Record<string, unknown>;
  const optional = (key: string, value: string) => (value ? { [key]: value } : {});
  return {
    resourceRequest: true, verb: text(r.verb), apiGroup: text(r.group), resource: text(r.resource),
    ...optional("subresource", text(r.subresource)), ...optional("namespace", text(r.namespace)), ...optional("name", text(r.name)),
  };
}

function accessReview(body: Record<string, unknown>, user: UserInfo, source: RbacSource): Record<string, unknown> {
  const spec = isRecord(body.spec) ? body.spec : {};
  const decision = authorize(source, user, reviewAttributes(spec));
  const status = { allowed: decision.allowed, ...(decision.reason ? { reason: decision.reason } : {}) };
  return { kind: "SelfSubjectAccessReview", apiVersion: "authorization.k8s.io/v1", metadata: { creationTimestamp: null }, spec, status };
}

function selfReview(user: UserInfo): Record<string, unknown> {
  const userInfo = { username: user.name, ...(user.uid ? { uid: user.uid } : {}), groups: user.groups };
  return { kind: "SelfSubjectReview", apiVersion: "authentication.k8s.io/v1", metadata: { creationTimestamp: null }, status: { userInfo } };
}

export async function handleReview(req: IncomingMessage, res: ServerResponse, route: ReviewRoute, user: UserInfo, source: RbacSource): Promise<void> {
  if (req.method !== "POST") throw methodNotAllowed();
  const body = decodeObject(await readBodyBytes(req), req.headers["content-type"]);
  if (route.resource === "selfsubjectreviews") return sendJson(res, 201, selfReview(user));
  sendJson(res, 201, accessReview(body, user, source));
}
