import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { listenOnLoopback } from "@/server/testing/fake-apiserver";

/** `impersonate`: the Impersonate-User and Impersonate-Group header lines, as the API server reads them (one value per line). */
export type RecordedRequest = { method: string; path: string; query: Record<string, string>; contentType: string | undefined; body: unknown; impersonate: { user: string[]; groups: string[] } };

/** A 403 as the API server's authorization filter words it (apierrors.NewForbidden). */
function forbiddenAnswer(user: string, verb: string, path: string) {
  const [, group = "", , , namespace = "", plural = "", name = ""] = /^\/apis\/([^/]+)\/([^/]+)\/(namespaces\/([^/]+)\/)?([^/]+)\/?([^/]*)$/.exec(path) ?? [];
  const message = `${plural}.${group} "${name}" is forbidden: User "${user}" cannot ${verb} resource "${plural}" in API group "${group}" in the namespace "${namespace}"`;
  return { kind: "Status", apiVersion: "v1", status: "Failure", reason: "Forbidden", code: 403, message, details: { name, group, kind: plural } };
}
const VERBS: Record<string, string> = { PATCH: "patch", DELETE: "delete", POST: "create", GET: "get", PUT: "update" };

const notFound = (details?: object) => ({ kind: "Status", apiVersion: "v1", status: "Failure", reason: "NotFound", code: 404, message: "not found", ...(details ? { details } : {}) });

/**
 * An API server stand-in that records every request (method, path, query, content type, body) and answers the
 * writer's calls as the API server does: an object is stored by PATCH/POST and read back by GET; a path under
 * a group version the server does not serve is a 404 naming no object; a discovery document (`/apis/<g>/<v>`)
 * is served, so a client that asks for one is seen asking.
 */
/** `forbidden`: impersonated users whose every request under /apis is refused with 403 (as RBAC would). */
export async function startRecordingApiServer(served: readonly string[], options: { forbidden?: readonly string[] } = {}) {
  const requests: RecordedRequest[] = [];
  const objects = new Map<string, Record<string, unknown>>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      const text = Buffer.concat(chunks).toString("utf8");
      const body: unknown = text === "" ? undefined : JSON.parse(text);
      const method = req.method ?? "GET";
      const impersonate = { user: req.headersDistinct["impersonate-user"] ?? [], groups: req.headersDistinct["impersonate-group"] ?? [] };
      requests.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), contentType: req.headers["content-type"], body, impersonate });
      const send = (code: number, answer: unknown) => {
        res.writeHead(code, { "Content-Type": "application/json" });
        res.end(JSON.stringify(answer));
      };
      const as = impersonate.user[0];
      if (as !== undefined && options.forbidden?.includes(as) && url.pathname.startsWith("/apis/")) return send(403, forbiddenAnswer(as, VERBS[method] ?? method, url.pathname));
      const groupVersion = served.find((gv) => url.pathname === `/apis/${gv}` || url.pathname.startsWith(`/apis/${gv}/`) || url.pathname.startsWith(`/api/${gv}/`));
      if (!groupVersion) return send(404, notFound());
      if (url.pathname === `/apis/${groupVersion}`) return send(200, { kind: "APIResourceList", groupVersion, resources: [] });
      const name = url.pathname.split("/").at(-1) ?? "";
      if (method === "GET") return objects.has(url.pathname) ? send(200, objects.get(url.pathname)) : send(404, notFound({ name }));
      if (method === "DELETE") return objects.delete(url.pathname) ? send(200, { kind: "Status", status: "Success" }) : send(404, notFound({ name }));
      const object = { ...(body as Record<string, unknown>) };
      const meta = object.metadata as { name?: string };
      const key = method === "POST" ? `${url.pathname}/${meta.name ?? ""}` : url.pathname;
      const stored = { ...object, metadata: { ...meta, uid: "u1", resourceVersion: String(requests.length) } };
      if (url.searchParams.get("dryRun") !== "All") objects.set(key, stored);
      send(method === "POST" ? 201 : 200, stored);
    });
  });
  const { url, close } = await listenOnLoopback(server);
  return {
    url,
    requests,
    close,
  };
}
