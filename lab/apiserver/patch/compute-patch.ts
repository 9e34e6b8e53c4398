// PATCH as the apiserver's patch handler does it: pick the mechanism by Content-Type (415 for anything the kind
// does not accept — strategic merge is refused by custom resources), validate PatchOptions (422), then produce the
// complete object to store with its managedFields.
import { badRequest, conflict, notFound, unsupportedMediaType } from "../status";
import type { KubeObject, ResourceType } from "../types";
import { checkApplyOptions, checkNonApplyOptions } from "./patch-options";
import { applyJsonPatch, parseJsonPatch } from "./json-patch";
import { applyMergePatch, parseMergePatch } from "./merge-patch";
import { applyPatchBody } from "./apply-patch";
import { strategicMerge } from "./strategic-merge";
import { isRecord } from "./schema";
import { trackUpdate } from "./track-update";

export interface PatchRequest {
  type: ResourceType;
  existing: KubeObject | undefined;
  body: string;
  contentType: string;
  fieldManager?: string;
  force?: boolean;
  subresource?: "status";
  now: string;
}

export const JSON_PATCH = "application/json-patch+json";
export const MERGE_PATCH = "application/merge-patch+json";
export const STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";
export const APPLY_PATCH = "application/apply-patch+yaml";

/** The patch types the handler accepts, in upstream's order (custom resources have no strategic merge). */
export function acceptedPatchTypes(type: ResourceType): string[] {
  return type.custom ? [JSON_PATCH, MERGE_PATCH, APPLY_PATCH] : [JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH, APPLY_PATCH];
}

export function computePatch(req: PatchRequest): KubeObject {
  const mediaType = (req.contentType.split(";")[0] ?? "").trim().toLowerCase();
  const accepted = acceptedPatchTypes(req.type);
  if (!accepted.includes(mediaType)) throw unsupportedMediaType(accepted);
  if (mediaType === APPLY_PATCH) {
    const manager = checkApplyOptions(req.fieldManager);
    return applyPatchBody({ ...req, manager });
  }
  checkNonApplyOptions(req.fieldManager, req.force);
  const existing = req.existing;
  if (!existing) throw notFound(req.type, nameIn(req.body));
  const patched = patchContent(mediaType, existing, req.body);
  const result = settle(req.type, existing, patched, req.subresource);
  const managedFields = trackUpdate({
    type: req.type, before: existing, after: result, manager: req.fieldManager ?? "unknown", now: req.now,
    ...(req.subresource ? { subresource: req.subresource } : {}),
  });
  if (managedFields.length > 0) result.metadata.managedFields = managedFields;
  else delete result.metadata.managedFields;
  return result;
}

function patchContent(mediaType: string, existing: KubeObject, body: string): unknown {
  const current = structuredClone(existing) as Record<string, unknown>;
  if (mediaType === JSON_PATCH) return applyJsonPatch(current, parseJsonPatch(body));
  const patch = parseMergePatch(body);
  if (mediaType === MERGE_PATCH) return applyMergePatch(current, patch);
  return strategicMerge(current, patch) ?? {};
}

/**
 * The patched object as the registry will take it: an object (else 400), the same name/namespace (checkName),
 * a resourceVersion that is either the live one or absent (else 409, the optimistic-concurrency precondition),
 * and the status-subresource split (a main write keeps the live status, a status write changes only status).
 */
function settle(type: ResourceType, existing: KubeObject, patched: unknown, subresource: "status" | undefined): KubeObject {
  if (!isRecord(patched) || !isRecord(patched.metadata)) throw badRequest("the patched object is not a Kubernetes object");
  const name = existing.metadata.name ?? "";
  const metadata = patched.metadata as KubeObject["metadata"];
  if (metadata.name !== name) {
    throw badRequest(`the name of the object (${String(metadata.name ?? "")}) does not match the name on the URL (${name})`);
  }
  if (existing.metadata.namespace && metadata.namespace && metadata.namespace !== existing.metadata.namespace) {
    throw badRequest(`the namespace of the object (${metadata.namespace}) does not match the namespace on the URL (${existing.metadata.namespace})`);
  }
  if (metadata.resourceVersion && metadata.resourceVersion !== existing.metadata.resourceVersion) throw conflict(type, name);
  const result = { ...patched, apiVersion: existing.apiVersion, kind: existing.kind, metadata: { ...metadata } } as KubeObject;
  if (existing.metadata.resourceVersion !== undefined) result.metadata.resourceVersion = existing.metadata.resourceVersion;
  if (subresource === "status") return withStatusOf(structuredClone(existing), result, existing.metadata.managedFields);
  if (type.subresources.status) return withStatusOf(result, existing, result.metadata.managedFields);
  return result;
}

function withStatusOf(target: KubeObject, source: KubeObject, managedFields: unknown): KubeObject {
  if (source.status === undefined) delete target.status;
  else target.status = structuredClone(source.status);
  if (managedFields === undefined) delete target.metadata.managedFields;
  else target.metadata.managedFields = managedFields as KubeObject["metadata"]["managedFields"];
  return target;
}

function nameIn(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (isRecord(parsed) && isRecord(parsed.metadata) && typeof parsed.metadata.name === "string") return parsed.metadata.name;
  } catch {
    // Not JSON: the name is unknown.
  }
  return "";
}
