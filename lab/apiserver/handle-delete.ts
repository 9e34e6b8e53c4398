// DELETE of one object and of a collection. Answers as the generic registry does: the object when the store
// returns deleted objects (pods, services, namespaces) or the deletion is pending on finalizers; otherwise a
// Success Status naming what was deleted.
import { RETURNS_DELETED_OBJECT, typeKey } from "./builtin-types";
import { isDryRun, served, type RequestContext } from "./context";
import { apiVersionOf } from "./define-type";
import { readBody, sendJson } from "./http-util";
import { isRecord } from "./object-util";
import { parseFieldSelector, parseLabelSelector } from "./selectors";
import { badRequest, conflict, notFound, success } from "./status";

/** `gracePeriodSeconds` from the query or the body's DeleteOptions (the query wins, as upstream's decoding). */
function gracePeriod(ctx: RequestContext, options: unknown): number | undefined {
  const raw = ctx.query.get("gracePeriodSeconds") ?? (isRecord(options) ? options.gracePeriodSeconds : undefined);
  if (raw === undefined || raw === null || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw badRequest(`invalid value for gracePeriodSeconds: ${String(raw)}`);
  return value;
}

/**
 * Reads the request's DeleteOptions: checks preconditions (uid and resourceVersion must still match, else 409) and
 * returns the grace period asked for (pods only honour it; see store-delete.ts).
 */
async function readDeleteOptions(ctx: RequestContext, name: string): Promise<{ gracePeriodSeconds?: number }> {
  const text = await readBody(ctx.req);
  if (text.trim() === "") return { gracePeriodSeconds: gracePeriod(ctx, undefined) };
  let options: unknown;
  try {
    options = JSON.parse(text);
  } catch (err) {
    throw badRequest(`couldn't get version/kind; json parse error: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (isRecord(options) && options.dryRun !== undefined && Array.isArray(options.dryRun) && options.dryRun.includes("All")) ctx.query.append("dryRun", "All");
  const pre = isRecord(options) && isRecord(options.preconditions) ? options.preconditions : {};
  const existing = ctx.store.get(ctx.route.type, ctx.route.namespace, name);
  if (!existing) throw notFound(ctx.route.type, name);
  if (typeof pre.uid === "string" && pre.uid !== existing.metadata.uid) {
    throw conflict(ctx.route.type, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${existing.metadata.uid ?? ""}`);
  }
  if (typeof pre.resourceVersion === "string" && pre.resourceVersion !== existing.metadata.resourceVersion) {
    throw conflict(ctx.route.type, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${existing.metadata.resourceVersion ?? ""}`);
  }
  return { gracePeriodSeconds: gracePeriod(ctx, options) };
}

export async function handleDelete(ctx: RequestContext, name: string): Promise<void> {
  const { type, namespace } = ctx.route;
  const { gracePeriodSeconds } = await readDeleteOptions(ctx, name);
  const options = { dryRun: isDryRun(ctx), ...(gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds }) };
  const { object, gone } = ctx.store.delete(type, namespace, name, options);
  if (!gone || RETURNS_DELETED_OBJECT.has(typeKey(type))) {
    sendJson(ctx.res, 200, served(ctx, object));
    return;
  }
  const details: Record<string, unknown> = { name, kind: type.plural, uid: object.metadata.uid };
  if (type.group) details.group = type.group;
  sendJson(ctx.res, 200, success(details));
}

export async function handleDeleteCollection(ctx: RequestContext): Promise<void> {
  const { type, namespace } = ctx.route;
  const text = await readBody(ctx.req);
  let body: unknown;
  try {
    body = text.trim() === "" ? undefined : JSON.parse(text);
  } catch (err) {
    throw badRequest(`couldn't get version/kind; json parse error: ${err instanceof Error ? err.message : String(err)}`);
  }
  const gracePeriodSeconds = gracePeriod(ctx, body);
  const labels = parseLabelSelector(ctx.query.get("labelSelector"));
  const fields = parseFieldSelector(type, ctx.query.get("fieldSelector"));
  const targets = ctx.store.list(type, namespace).filter((o) => labels(o) && fields(o));
  const options = { dryRun: isDryRun(ctx), ...(gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds }) };
  const items = targets.map((o) => served(ctx, ctx.store.delete(type, o.metadata.namespace, o.metadata.name ?? "", options).object));
  const listMeta = { resourceVersion: ctx.store.currentResourceVersion() };
  sendJson(ctx.res, 200, { kind: type.listKind, apiVersion: apiVersionOf(ctx.route.group, ctx.route.version), metadata: listMeta, items });
}
