// Non-resource paths: health, version, discovery and OpenAPI.
import type { IncomingMessage, ServerResponse } from "node:http";
import { apiGroup, apiGroupList, apiResourceList, apiVersions, versionInfo } from "./discovery";
import { aggregatedContentType, aggregatedDiscovery, discoveryEtag } from "./discovery-aggregated";
import { sendJson, sendText } from "./http-util";
import { negotiateDiscovery } from "./negotiate";
import { openApiV2, openApiV3GroupVersion, openApiV3Root } from "./openapi";
import type { Route } from "./router";
import { methodNotAllowed, pathNotFound, statusError } from "./status";
import type { TypeRegistry } from "./types";

export function handleNonResource(req: IncomingMessage, res: ServerResponse, route: Exclude<Route, { kind: "resource" } | { kind: "review" }>, types: TypeRegistry): void {
  if (route.kind === "notFound") throw pathNotFound();
  if (req.method !== "GET" && req.method !== "HEAD") throw methodNotAllowed();
  switch (route.kind) {
    case "health": return sendText(res, 200, "ok");
    case "version": return sendJson(res, 200, versionInfo());
    case "api": return discoveryRoot(req, res, "api", types);
    case "apis": return discoveryRoot(req, res, "apis", types);
    case "group": return sendJson(res, 200, apiGroup(types, route.group));
    case "groupVersion": return sendJson(res, 200, apiResourceList(types, route.group, route.version));
    case "openapi": return openApi(req, res, route.path, types);
  }
}

/** /api or /apis: aggregated discovery when Accept asks for it (with ETag / If-None-Match → 304), else legacy. */
function discoveryRoot(req: IncomingMessage, res: ServerResponse, path: "api" | "apis", types: TypeRegistry): void {
  const output = negotiateDiscovery(req.headers.accept);
  if (output === "legacy") return sendJson(res, 200, path === "api" ? apiVersions(req.headers.host ?? "127.0.0.1") : apiGroupList(types));
  const body = JSON.stringify(aggregatedDiscovery(types, path, output));
  const etag = discoveryEtag(body);
  const headers = { "Content-Type": aggregatedContentType(output), ETag: etag, Vary: "Accept", "Cache-Control": "no-cache, private" };
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

function openApi(req: IncomingMessage, res: ServerResponse, path: string, types: TypeRegistry): void {
  if (path === "v2") {
    // client-go asks for the protobuf form only; the lab serves JSON, so such a request is not acceptable.
    const accept = req.headers.accept ?? "";
    if (accept !== "" && !/json|\*\/\*/.test(accept)) {
      throw statusError(406, "NotAcceptable", "only the following media types are accepted: application/json");
    }
    return sendJson(res, 200, openApiV2(types));
  }
  if (path === "v3") return sendJson(res, 200, openApiV3Root(types));
  if (path.startsWith("v3/")) {
    const doc = openApiV3GroupVersion(types, path.slice(3));
    if (doc) return sendJson(res, 200, doc);
  }
  throw pathNotFound();
}
