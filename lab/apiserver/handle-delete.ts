// DELETE of one object and of a collection. Answers as the generic registry does: the object when the store
// returns deleted objects (pods, services, namespaces) or the deletion is pending on finalizers; otherwise a
// Success Status naming what was deleted. DeleteOptions (propagationPolicy, orphanDependents, preconditions,
// gracePeriodSeconds) are decoded and validated in delete-options.ts; the store applies them (store-delete.ts).
import { RETURNS_DELETED_OBJECT, typeKey } from "./builtin-types";
import { isDryRun, served, type RequestContext } from "./context";
import { apiVersionOf } from "./define-type";
import { parseDeleteOptions, type RequestedDeleteOptions } from "./delete-options";
import { readBody, sendJson } from "./http-util";
import { parseFieldSelector, parseLabelSelector } from "./selectors";
import { conflict, forbidden, notFound, success } from "./status";
import type { DeleteOptions } from "./store-delete";

/**
 * The namespaces the NamespaceLifecycle admission plugin calls immortal (kube-apiserver registers it with default,
 * kube-system and kube-public). kube-node-lease is not among them: upstream deletes it, and the apiserver's
 * system-namespaces controller creates it again.
 */
const IMMORTAL_NAMESPACES = new Set(["default", "kube-system", "kube-public"]);

function refuseImmortalNamespace(ctx: RequestContext, name: string): void {
  const { type } = ctx.route;
  if (type.group === "" && type.kind === "Namespace" && IMMORTAL_NAMESPACES.has(name)) {
    throw forbidden(type, name, "this namespace may not be deleted");
  }
}

/** Preconditions (uid and resourceVersion must still match, else 409), checked before anything is written. */
function checkPreconditions(ctx: RequestContext, name: string, pre: RequestedDeleteOptions["preconditions"]): void {
  const existing = ctx.store.get(ctx.route.type, ctx.route.namespace, name);
  if (!existing) throw notFound(ctx.route.type, name);
  if (pre.uid !== undefined && pre.uid !== existing.metadata.uid) {
    throw conflict(ctx.route.type, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${existing.metadata.uid ?? ""}`);
  }
  if (pre.resourceVersion !== undefined && pre.resourceVersion !== existing.metadata.resourceVersion) {
    throw conflict(ctx.route.type, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${existing.metadata.resourceVersion ?? ""}`);
  }
}

function storeOptions(ctx: RequestContext, requested: RequestedDeleteOptions): DeleteOptions {
  const { gracePeriodSeconds, propagationPolicy, orphanDependents } = requested;
  return {
    dryRun: requested.dryRunAll || isDryRun(ctx),
    ...(gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds }),
    ...(propagationPolicy === undefined ? {} : { propagationPolicy }),
    ...(orphanDependents === undefined ? {} : { orphanDependents }),
  };
}

export async function handleDelete(ctx: RequestContext, name: string): Promise<void> {
  const { type, namespace } = ctx.route;
  const requested = parseDeleteOptions(ctx.query, await readBody(ctx.req));
  refuseImmortalNamespace(ctx, name);
  checkPreconditions(ctx, name, requested.preconditions);
  const options = storeOptions(ctx, requested);
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
  const options = storeOptions(ctx, parseDeleteOptions(ctx.query, await readBody(ctx.req)));
  const labels = parseLabelSelector(ctx.query.get("labelSelector"));
  const fields = parseFieldSelector(type, ctx.query.get("fieldSelector"));
  const targets = ctx.store.list(type, namespace).filter((o) => labels(o) && fields(o));
  const items = targets.map((o) => served(ctx, ctx.store.delete(type, o.metadata.namespace, o.metadata.name ?? "", options).object));
  const listMeta = { resourceVersion: ctx.store.currentResourceVersion() };
  sendJson(ctx.res, 200, { kind: type.listKind, apiVersion: apiVersionOf(ctx.route.group, ctx.route.version), metadata: listMeta, items });
}
