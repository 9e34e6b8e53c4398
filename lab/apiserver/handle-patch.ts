// PATCH (merge, JSON, strategic merge, server-side apply) of a resource or its /status: read the existing object,
// let the patch engine compute the complete new object (managedFields included), then store it — as an update,
// or as a create when an apply targets a missing object (201).
import { fieldManagerOf, isDryRun, served, type RequestContext } from "./context";
import { mediaType, readBody, sendJson } from "./http-util";
import { nowTimestamp } from "./object-meta";
import { computePatch } from "./patch/index";
import { checkUnknownFields } from "./field-validation";
import { matchNamespace } from "./handle-write";
import { badRequest, notFound, unsupportedMediaType } from "./status";
import { checkObjectSize } from "./validation/object-size";

const JSON_PATCH = "application/json-patch+json";
const MERGE_PATCH = "application/merge-patch+json";
const STRATEGIC = "application/strategic-merge-patch+json";
const APPLY = "application/apply-patch+yaml";

export function patchTypes(custom: boolean): string[] {
  return custom ? [JSON_PATCH, MERGE_PATCH, APPLY] : [JSON_PATCH, MERGE_PATCH, STRATEGIC, APPLY];
}

export async function handlePatch(ctx: RequestContext, name: string, subresource?: "status"): Promise<void> {
  const { type, namespace } = ctx.route;
  const contentType = mediaType(ctx.req.headers["content-type"]);
  if (!patchTypes(type.custom).includes(contentType)) throw unsupportedMediaType(patchTypes(type.custom));
  const body = await readBody(ctx.req);
  const stored = ctx.store.get(type, namespace, name);
  const isApply = contentType === APPLY;
  if (!stored && (!isApply || subresource)) throw notFound(type, name);
  const existing = stored ? served(ctx, stored) : undefined;
  const result = computePatch({
    type, existing, body, contentType,
    fieldManager: isApply ? (ctx.query.get("fieldManager") ?? undefined) : fieldManagerOf(ctx),
    force: ctx.query.has("force") ? ctx.query.get("force") === "true" : undefined,
    subresource, now: nowTimestamp(),
  });
  if (result.metadata.name && result.metadata.name !== name) {
    throw badRequest(`the name of the object (${result.metadata.name}) does not match the name on the URL (${name})`);
  }
  result.metadata.name = name;
  matchNamespace(ctx, result);
  checkUnknownFields(ctx, result, false);
  checkObjectSize(result, Buffer.byteLength(body));
  const options = { keepManagedFields: true, dryRun: isDryRun(ctx), subresource, fieldManager: fieldManagerOf(ctx) };
  if (!stored) {
    const created = ctx.store.create(type, result, options);
    sendJson(ctx.res, 201, served(ctx, created));
    return;
  }
  const updated = ctx.store.update(type, result, options);
  sendJson(ctx.res, 200, served(ctx, updated));
}
