// Non-resource paths: health, version, discovery and OpenAPI.
import type { IncomingMessage, ServerResponse } from "node:http";
import { apiGroup, apiGroupList, apiResourceList, apiVersions, versionInfo } from "./discovery";
import { sendJson, sendText } from "./http-util";
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
    case "api": return sendJson(res, 200, apiVersions(req.headers.host ?? "127.0.0.1"));
    case "apis": return sendJson(res, 200, apiGroupList(types));
    case "group": return sendJson(res, 200, apiGroup(types, route.group));
    case "groupVersion": return sendJson(res, 200, apiResourceList(types, route.group, route.version));
    case "openapi": return openApi(req, res, route.path, types);
  }
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
