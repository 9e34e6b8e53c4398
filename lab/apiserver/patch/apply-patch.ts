// application/apply-patch+yaml: decode the YAML (or JSON) configuration and check it the way the apiserver's
// applyPatcher and field manager do before server-side apply runs: the right apiVersion/kind (versionCheckManager),
// no managedFields, a resourceVersion that matches the live one (optimistic concurrency), an unchanged uid.
// Server-owned metadata and the fields a status-subresource split resets are then left out of the config.
import { parse } from "yaml";
import { pruneObject } from "../schema/index";
import { badRequest, conflict, invalid, notFound } from "../status";
import type { KubeObject, ResourceType } from "../types";
import { serverSideApply } from "./apply";
import { KUBECTL, syncLastApplied } from "./last-applied";
import { isRecord, schemaFor } from "./schema";
import { associativeListErrors, typedPatchError } from "./validate-config";

export interface ApplyPatchRequest {
  type: ResourceType;
  existing: KubeObject | undefined;
  body: string;
  manager: string;
  force?: boolean;
  subresource?: "status";
  now: string;
}

const SERVER_OWNED = ["resourceVersion", "uid", "creationTimestamp", "generation", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds"];

export function applyPatchBody(req: ApplyPatchRequest): KubeObject {
  const config = decode(req.body);
  checkKind(req.type, req.existing, config);
  const metadata = isRecord(config.metadata) ? { ...config.metadata } : {};
  const name = req.existing?.metadata.name ?? (typeof metadata.name === "string" ? metadata.name : "");
  checkMetadata(req, metadata, name);
  const listErrors = [...associativeListErrors(config, schemaFor(req.type)), ...undeclaredFields(req.type, config)];
  if (listErrors.length > 0) {
    const namespace = req.existing?.metadata.namespace ?? String(metadata.namespace ?? "");
    throw typedPatchError(`${namespace}/${name}; ${String(config.apiVersion)}, Kind=${String(config.kind)}`, listErrors);
  }
  for (const field of [...SERVER_OWNED, "managedFields"]) delete metadata[field];
  const result = serverSideApply({
    type: req.type, existing: req.existing, config: scope(req.type, { ...config, metadata }, req.subresource),
    manager: req.manager, force: req.force === true, now: req.now, ...(req.subresource ? { subresource: req.subresource } : {}),
  });
  if (req.existing?.metadata.resourceVersion) result.metadata.resourceVersion = req.existing.metadata.resourceVersion;
  if (req.manager === KUBECTL && !req.subresource) syncLastApplied(result, config);
  return result;
}

/** No managedFields (400); a status apply needs the object (404); resourceVersion is a precondition (409); uid is immutable (422). */
function checkMetadata(req: ApplyPatchRequest, metadata: Record<string, unknown>, name: string): void {
  if (metadata.managedFields !== undefined && metadata.managedFields !== null) throw badRequest("metadata.managedFields must be nil");
  if (req.subresource === "status" && !req.existing) throw notFound(req.type, name);
  const rv = metadata.resourceVersion;
  if (typeof rv === "string" && rv !== "" && rv !== req.existing?.metadata.resourceVersion) throw conflict(req.type, name);
  const uid = metadata.uid;
  if (req.existing && typeof uid === "string" && uid !== "" && uid !== req.existing.metadata.uid) {
    throw invalid(req.type, name, [{ field: "metadata.uid", reason: "FieldValueInvalid", detail: `Invalid value: ${JSON.stringify(uid)}: field is immutable` }]);
  }
}

/**
 * With a structural schema, the typed conversion of the applied configuration fails on any field the schema does
 * not declare (whatever fieldValidation says), rather than the field being pruned after it was recorded as owned.
 */
function undeclaredFields(type: ResourceType, config: Record<string, unknown>): string[] {
  if (!type.schema) return [];
  return pruneObject(structuredClone(config), type.schema).map((path) => `.${path}: field not declared in schema`);
}

function decode(body: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = parse(body);
  } catch (err) {
    throw badRequest(`error decoding YAML: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (parsed === null || parsed === undefined) return {};
  if (!isRecord(parsed)) {
    const what = Array.isArray(parsed) ? "array" : typeof parsed;
    throw badRequest(`error decoding YAML: json: cannot unmarshal ${what} into Go value of type map[string]interface {}`);
  }
  return parsed;
}

/** versionCheckManager: the config's group/version/kind must be the request's ("invalid object type: g/v, Kind=K"). */
function checkKind(type: ResourceType, existing: KubeObject | undefined, config: Record<string, unknown>): void {
  const apiVersion = typeof config.apiVersion === "string" ? config.apiVersion : "";
  const kind = typeof config.kind === "string" ? config.kind : "";
  const slash = apiVersion.lastIndexOf("/");
  const group = slash >= 0 ? apiVersion.slice(0, slash) : "";
  const version = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion;
  const versionOk = existing ? existing.apiVersion === apiVersion : group === type.group && type.servedVersions.includes(version);
  if (!versionOk || kind !== type.kind) throw badRequest(`invalid object type: ${group}/${version}, Kind=${kind}`);
}

/** A status apply only touches .status; a main-resource apply of a kind with a status subresource never does. */
function scope(type: ResourceType, config: Record<string, unknown>, subresource: "status" | undefined): Record<string, unknown> {
  if (subresource === "status") {
    return { apiVersion: config.apiVersion, kind: config.kind, ...(config.status !== undefined ? { status: config.status } : {}) };
  }
  if (!type.subresources.status) return config;
  const rest = { ...config };
  delete rest.status;
  return rest;
}
