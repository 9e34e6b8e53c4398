// Picks the handler for a resource request from its path shape and HTTP method; a method a path does not
// support is 405, as go-restful answers.
import type { RequestContext } from "./context";
import { resourceVerbs } from "./discovery";
import { handleDelete, handleDeleteCollection } from "./handle-delete";
import { handlePatch } from "./handle-patch";
import { handleGet, handleList } from "./handle-read";
import { handleLog, handleScale } from "./handle-subresources";
import { handleWatch, type WatchTuning } from "./handle-watch";
import { handleCreate, handleUpdate } from "./handle-write";
import { methodNotAllowed, pathNotFound } from "./status";

function isWatch(ctx: RequestContext): boolean {
  const watch = ctx.query.get("watch");
  return ctx.route.watchPath || watch === "true" || watch === "1";
}

async function collection(ctx: RequestContext, method: string, tuning: WatchTuning): Promise<void> {
  const { type, namespace } = ctx.route;
  // The all-namespaces path of a namespaced kind only lists and watches.
  const allNamespaces = type.namespaced && namespace === undefined;
  if (method === "GET") return isWatch(ctx) ? handleWatch(ctx, tuning) : handleList(ctx);
  if (allNamespaces) throw methodNotAllowed();
  if (method === "POST") return handleCreate(ctx);
  // Only kinds whose discovery lists deletecollection have the route (namespaces and services do not).
  if (method === "DELETE" && resourceVerbs(type).includes("deletecollection")) return handleDeleteCollection(ctx);
  throw methodNotAllowed();
}

async function item(ctx: RequestContext, method: string, name: string, tuning: WatchTuning): Promise<void> {
  if (method === "GET") return isWatch(ctx) ? handleWatch(ctx, tuning) : handleGet(ctx, name);
  if (ctx.route.watchPath) throw methodNotAllowed();
  if (method === "PUT") return handleUpdate(ctx, name);
  if (method === "PATCH") return handlePatch(ctx, name);
  if (method === "DELETE") return handleDelete(ctx, name);
  throw methodNotAllowed();
}

async function subresource(ctx: RequestContext, method: string, name: string, sub: string): Promise<void> {
  if (ctx.route.watchPath) throw pathNotFound();
  if (sub === "status") {
    if (method === "GET") return handleGet(ctx, name);
    if (method === "PUT") return handleUpdate(ctx, name, "status");
    if (method === "PATCH") return handlePatch(ctx, name, "status");
  }
  if (sub === "scale" && ["GET", "PUT", "PATCH"].includes(method)) return handleScale(ctx, name);
  if (sub === "log" && method === "GET") return handleLog(ctx, name);
  // namespaces/<name>/finalize: the namespace controller's write of spec.finalizers.
  if (sub === "finalize" && method === "PUT") return handleUpdate(ctx, name);
  throw methodNotAllowed();
}

export async function dispatchResource(ctx: RequestContext, tuning: WatchTuning = {}): Promise<void> {
  const method = ctx.req.method ?? "GET";
  const { name, subresource: sub, type, namespace } = ctx.route;
  if (name === undefined) return collection(ctx, method, tuning);
  // A namespaced kind has no /<plural>/<name> path outside a namespace.
  if (type.namespaced && namespace === undefined) throw pathNotFound();
  if (sub === undefined) return item(ctx, method, name, tuning);
  return subresource(ctx, method, name, sub);
}
