// GET of one object and LIST (namespaced or across namespaces) with selectors, consistent paging and tables.
import { includeObject, served, type RequestContext } from "./context";
import { apiVersionOf } from "./define-type";
import { waitUntilFresh } from "./freshness";
import { sendJson } from "./http-util";
import { validateListOptions } from "./list-options";
import { streamList } from "./list-stream";
import { parseFieldSelector, parseLabelSelector } from "./selectors";
import { decodeContinue, encodeContinue, isAfter, listAt, objectSortKey } from "./snapshot";
import { badRequest, expired, notFound } from "./status";
import { toTable } from "./table";
import { StatusError, type KubeObject } from "./types";

export function handleGet(ctx: RequestContext, name: string): void {
  const { type, namespace } = ctx.route;
  const object = ctx.store.get(type, namespace, name);
  if (!object) throw notFound(type, name);
  if (ctx.output === "table") {
    sendJson(ctx.res, 200, toTable(type, [served(ctx, object)], { resourceVersion: object.metadata.resourceVersion ?? "" }, includeObject(ctx)));
    return;
  }
  sendJson(ctx.res, 200, served(ctx, object));
}

const CONTINUE_EXPIRED =
  "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.";

interface Snapshot {
  rv: number;
  items: readonly KubeObject[];
  start?: string;
}

function snapshot(ctx: RequestContext): Snapshot {
  const { store, route, query } = ctx;
  const token = query.get("continue");
  if (token) {
    const decoded = decodeContinue(token);
    if (!decoded) throw badRequest("invalid continue token: the continue token is not valid");
    try {
      return { rv: decoded.rv, items: listAt(store, route.type, decoded.rv), start: decoded.start };
    } catch (err) {
      if (!(err instanceof StatusError) || err.status.code !== 410) throw err;
      const retry = encodeContinue({ rv: Number(store.currentResourceVersion()), start: decoded.start });
      const status = expired(CONTINUE_EXPIRED);
      status.status.metadata = { continue: retry };
      throw status;
    }
  }
  const rv = query.get("resourceVersion");
  if (query.get("resourceVersionMatch") === "Exact" && rv) return { rv: Number(rv), items: listAt(store, route.type, Number(rv)) };
  return { rv: Number(store.currentResourceVersion()), items: store.peek(route.type, route.namespace) };
}

function parseLimit(value: string | null): number {
  if (!value) return 0;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 0) throw badRequest(`limit: Invalid value: "${value}": must be a non-negative integer`);
  return limit;
}

export async function handleList(ctx: RequestContext): Promise<void> {
  const { type, namespace } = ctx.route;
  validateListOptions(ctx.query, false);
  const requested = Number(ctx.query.get("resourceVersion") ?? "0");
  if (!ctx.query.get("continue") && Number.isInteger(requested) && requested > 0) await waitUntilFresh(ctx.store, requested);
  const labels = parseLabelSelector(ctx.query.get("labelSelector"));
  const fields = parseFieldSelector(type, ctx.query.get("fieldSelector"));
  const limit = parseLimit(ctx.query.get("limit"));
  const snap = snapshot(ctx);
  const filtered = snap.items.filter((o) => (namespace === undefined || o.metadata.namespace === namespace) && labels(o) && fields(o));
  const remaining = snap.start === undefined ? filtered : filtered.filter((o) => isAfter(o, snap.start ?? ""));
  const page = limit > 0 ? remaining.slice(0, limit) : remaining;
  const meta: Record<string, unknown> = { resourceVersion: String(snap.rv) };
  const last = page[page.length - 1];
  if (limit > 0 && remaining.length > page.length && last) {
    meta.continue = encodeContinue({ rv: snap.rv, start: objectSortKey(last) });
    // Upstream reports remainingItemCount only when no selector filtered the list.
    if (!ctx.query.get("labelSelector") && !ctx.query.get("fieldSelector")) meta.remainingItemCount = remaining.length - page.length;
  }
  if (ctx.output === "table") {
    sendJson(ctx.res, 200, toTable(type, page.map((o) => served(ctx, o)), meta, includeObject(ctx)));
    return;
  }
  // Items are converted and encoded one at a time as the client reads (list-stream.ts).
  const envelope = { kind: type.listKind, apiVersion: apiVersionOf(ctx.route.group, ctx.route.version), metadata: meta };
  await streamList(ctx.res, envelope, page, (o) => served(ctx, o));
}
