// POST (create) and PUT (update, incl. /status) of a resource.
import { decodeObject } from "./body";
import { fieldManagerOf, isDryRun, served, type RequestContext } from "./context";
import { apiVersionOf } from "./define-type";
import { checkUnknownFields } from "./field-validation";
import { mediaType, readBodyBytes, sendJson } from "./http-util";
import { badRequest } from "./status";
import type { KubeObject } from "./types";
import { duplicateFields, type Duplicates } from "./validation/duplicate-fields";
import { checkObjectSize } from "./validation/object-size";
import { checkTypedFields } from "./validation/typed-fields";

const NAMESPACE_MISMATCH = "the namespace of the provided object does not match the namespace sent on the request";

/** Decodes the body and checks it is this kind, in a version this endpoint serves; notes its duplicate keys. */
export async function readObject(ctx: RequestContext): Promise<{ object: KubeObject; duplicates: Duplicates; bytes: number }> {
  const raw = await readBodyBytes(ctx.req);
  const object = decodeObject(raw, ctx.req.headers["content-type"]);
  const { type, group, version } = ctx.route;
  const expected = apiVersionOf(group, version);
  if (typeof object.apiVersion === "string" && object.apiVersion !== expected) {
    throw badRequest(`the API version in the data (${object.apiVersion}) does not match the expected API version (${expected})`);
  }
  if (typeof object.kind === "string" && object.kind !== type.kind) {
    throw badRequest(`${object.kind} in version "${version}" cannot be handled as a ${type.kind}: no kind "${object.kind}" is registered for version "${expected}"`);
  }
  checkTypedFields(type, object, version);
  return { object, duplicates: duplicateFields(raw, mediaType(ctx.req.headers["content-type"])), bytes: raw.length };
}

/** rest.EnsureObjectNamespaceMatchesRequestNamespace. */
export function matchNamespace(ctx: RequestContext, object: KubeObject): void {
  const requested = ctx.route.type.namespaced ? ctx.route.namespace : undefined;
  const own = object.metadata.namespace;
  if (requested === undefined) delete object.metadata.namespace;
  else if (!own) object.metadata.namespace = requested;
  else if (own !== requested) throw badRequest(NAMESPACE_MISMATCH);
}

export async function handleCreate(ctx: RequestContext): Promise<void> {
  const { object, duplicates, bytes } = await readObject(ctx);
  matchNamespace(ctx, object);
  checkUnknownFields(ctx, object, true, duplicates);
  checkObjectSize(object, bytes);
  const created = ctx.store.create(ctx.route.type, object, { fieldManager: fieldManagerOf(ctx), dryRun: isDryRun(ctx) });
  sendJson(ctx.res, 201, served(ctx, created));
}

export async function handleUpdate(ctx: RequestContext, name: string, subresource?: "status"): Promise<void> {
  const { object, duplicates, bytes } = await readObject(ctx);
  if (object.metadata.name !== name) {
    throw badRequest(`the name of the object (${object.metadata.name ?? ""}) does not match the name on the URL (${name})`);
  }
  matchNamespace(ctx, object);
  checkUnknownFields(ctx, object, true, duplicates);
  checkObjectSize(object, bytes);
  const existed = ctx.store.get(ctx.route.type, ctx.route.namespace, name) !== undefined;
  const updated = ctx.store.update(ctx.route.type, object, { fieldManager: fieldManagerOf(ctx), dryRun: isDryRun(ctx), subresource });
  sendJson(ctx.res, existed ? 200 : 201, served(ctx, updated));
}
