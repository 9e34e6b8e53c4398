// Minimal OpenAPI documents. kubectl (1.27+) asks /openapi/v3 whether PATCH operations of a kind declare the
// `fieldValidation` query parameter; if so it leaves schema validation to the server. Kinds with a structural
// schema (CRDs) publish it in their group/version's v3 document, so `kubectl explain` works; built-ins have none
// (kubectl then falls back to its compiled-in types for strategic merge patches of built-ins). The root lists
// each document with a hash of its content, so kubectl's cache refetches a document whose schemas changed.
import { createHash } from "node:crypto";
import { componentSchemas, schemaName } from "./openapi-schemas";
import type { ResourceType, TypeRegistry } from "./types";

const GIT_VERSION = "v1.32.4";

function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

function groupVersions(types: TypeRegistry): Array<[string, string]> {
  const seen = new Map<string, [string, string]>();
  for (const type of types.all()) for (const v of type.servedVersions) seen.set(gvPath(type.group, v), [type.group, v]);
  return [...seen.values()];
}

export function openApiV3Root(types: TypeRegistry): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const [group, version] of groupVersions(types)) {
    const path = gvPath(group, version);
    const doc = openApiV3GroupVersion(types, path);
    const hash = createHash("sha512").update(JSON.stringify(doc)).digest("hex").slice(0, 64).toUpperCase();
    paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${hash}` };
  }
  return { paths };
}

const queryParam = (name: string, description: string) => ({ name, in: "query", description, schema: { type: "string", uniqueItems: true } });
const PATCH_PARAMS = [
  queryParam("dryRun", "When present, indicates that modifications should not be persisted."),
  queryParam("fieldManager", "fieldManager is a name associated with the actor or entity that is making these changes."),
  queryParam("fieldValidation", "fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields."),
  { name: "force", in: "query", description: "Force is going to \"force\" Apply requests.", schema: { type: "boolean", uniqueItems: true } },
];

function operations(type: ResourceType, version: string): Record<string, unknown> {
  const gvk = { group: type.group, version, kind: type.kind };
  const ok = type.schema
    ? { description: "OK", content: { "application/json": { schema: { $ref: `#/components/schemas/${schemaName(type, version)}` } } } }
    : { description: "OK" };
  const op = (action: string, verb: string) => ({
    operationId: `${verb}${type.namespaced ? "Namespaced" : ""}${type.kind}`,
    "x-kubernetes-action": action,
    "x-kubernetes-group-version-kind": gvk,
    responses: { "200": ok },
  });
  return {
    get: op("get", "read"),
    put: { ...op("put", "replace"), parameters: PATCH_PARAMS.slice(0, 3) },
    patch: { ...op("patch", "patch"), parameters: PATCH_PARAMS },
    delete: op("delete", "delete"),
    parameters: [{ name: "name", in: "path", required: true, schema: { type: "string", uniqueItems: true } }],
  };
}

export function openApiV3GroupVersion(types: TypeRegistry, path: string): Record<string, unknown> | undefined {
  const match = groupVersions(types).find(([g, v]) => gvPath(g, v) === path);
  if (!match) return undefined;
  const [group, version] = match;
  const paths: Record<string, unknown> = {};
  const served = types.all().filter((t) => t.group === group && t.servedVersions.includes(version));
  for (const type of served) {
    const base = `/${gvPath(group, version)}/${type.namespaced ? "namespaces/{namespace}/" : ""}${type.plural}/{name}`;
    paths[base] = operations(type, version);
  }
  return { openapi: "3.0.0", info: { title: "Kubernetes", version: GIT_VERSION }, paths, components: { schemas: componentSchemas(served, version) } };
}

export function openApiV2(types: TypeRegistry): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const type of types.all()) {
    const base = `/${gvPath(type.group, type.version)}/${type.namespaced ? "namespaces/{namespace}/" : ""}${type.plural}/{name}`;
    const gvk = { group: type.group, version: type.version, kind: type.kind };
    paths[base] = {
      patch: {
        operationId: `patch${type.kind}`,
        parameters: PATCH_PARAMS.map(({ schema, ...p }) => ({ ...p, type: schema.type, uniqueItems: true })),
        "x-kubernetes-action": "patch",
        "x-kubernetes-group-version-kind": gvk,
        responses: { "200": { description: "OK" } },
      },
    };
  }
  return { swagger: "2.0", info: { title: "Kubernetes", version: GIT_VERSION }, paths, definitions: {} };
}
