// CustomResourceDefinition create/update validation (apiextensions' ValidateCustomResourceDefinition[Update],
// the rules a client meets in practice) and defaulting (SetDefaults_CustomResourceDefinitionSpec), with
// upstream's field paths and messages. A CRD that fails is refused with 422 and registers nothing.
import { isRecord } from "../object-util";
import { invalid, type FieldError } from "../status";
import type { KubeObject, ResourceType } from "../types";
import { schemaErrors } from "./crd-schema-checks";
import { crdSpec, storageVersion, type CrdSpec } from "./crd-spec";

const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const KIND = /^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

/** Defaults a CRD's spec in place (singular and listKind from kind, conversion None). */
export function defaultCrd(object: KubeObject): void {
  const spec = isRecord(object.spec) ? object.spec : undefined;
  if (!spec) return;
  const names = isRecord(spec.names) ? spec.names : undefined;
  if (names && typeof names.kind === "string") {
    if (!names.singular) names.singular = names.kind.toLowerCase();
    if (!names.listKind) names.listKind = `${names.kind}List`;
  }
  spec.conversion ??= { strategy: "None" };
}

/** The decoded spec, or 422 with every error found. */
export function validateCrd(type: ResourceType, object: KubeObject, existing?: KubeObject): CrdSpec {
  const name = object.metadata.name ?? "";
  const parsed = crdSpec.safeParse(object.spec);
  if (!parsed.success) throw invalid(type, name, parsed.error.issues.map(issueError));
  const spec = parsed.data;
  const errors = [
    ...nameErrors(name, spec), ...approvalErrors(object, spec), ...versionErrors(spec), ...(existing ? immutableErrors(spec, existing) : []),
  ];
  if (errors.length > 0) throw invalid(type, name, errors);
  return spec;
}

function issueError(issue: { path: PropertyKey[]; message: string; code: string }): FieldError {
  const field = ["spec", ...issue.path].map((p, i) => (typeof p === "number" ? `[${p}]` : `${i > 0 ? "." : ""}${String(p)}`)).join("");
  if (issue.code === "invalid_type" && /received undefined/.test(issue.message)) return { field, reason: "FieldValueRequired", detail: "Required value" };
  return { field, reason: "FieldValueInvalid", detail: `Invalid value: ${issue.message}` };
}

function nameErrors(name: string, spec: CrdSpec): FieldError[] {
  const errors: FieldError[] = [];
  if (!spec.group) errors.push({ field: "spec.group", reason: "FieldValueRequired", detail: "Required value" });
  else if (!spec.group.includes(".")) errors.push({ field: "spec.group", reason: "FieldValueInvalid", detail: `Invalid value: "${spec.group}": should be a domain with at least one dot` });
  if (name !== `${spec.names.plural}.${spec.group}`) {
    errors.push({ field: "metadata.name", reason: "FieldValueInvalid", detail: `Invalid value: "${name}": must be spec.names.plural+"."+spec.group` });
  }
  if (spec.scope !== "Cluster" && spec.scope !== "Namespaced") {
    errors.push({ field: "spec.scope", reason: "FieldValueNotSupported", detail: `Unsupported value: "${spec.scope}": supported values: "Cluster", "Namespaced"` });
  }
  const label = (field: string, value: string | undefined): void => {
    if (value === undefined || value === "") errors.push({ field, reason: "FieldValueRequired", detail: "Required value" });
    else if (!DNS1035.test(value)) errors.push({ field, reason: "FieldValueInvalid", detail: `Invalid value: "${value}": ${DNS1035_MSG}` });
  };
  label("spec.names.plural", spec.names.plural);
  label("spec.names.singular", spec.names.singular);
  (spec.names.shortNames ?? []).forEach((s, i) => label(`spec.names.shortNames[${i}]`, s));
  if (!spec.names.kind) errors.push({ field: "spec.names.kind", reason: "FieldValueRequired", detail: "Required value" });
  else if (!KIND.test(spec.names.kind)) {
    errors.push({ field: "spec.names.kind", reason: "FieldValueInvalid", detail: `Invalid value: "${spec.names.kind}": may have mixed case, but should otherwise match: [a-z]([-a-z0-9]*[a-z0-9])?` });
  }
  if (spec.names.kind && spec.names.kind === spec.names.listKind) {
    errors.push({ field: "spec.names.listKind", reason: "FieldValueInvalid", detail: `Invalid value: "${spec.names.listKind}": kind and listKind may not be the same` });
  }
  return errors;
}

const APPROVAL = "api-approved.kubernetes.io";

/** Groups under k8s.io and kubernetes.io are protected: a CRD there needs the API-review approval annotation. */
function approvalErrors(object: KubeObject, spec: CrdSpec): FieldError[] {
  const protectedGroup = /(^|\.)(k8s|kubernetes)\.io$/.test(spec.group);
  if (!protectedGroup || object.metadata.annotations?.[APPROVAL]) return [];
  const detail = `Required value: protected groups must have approval annotation "${APPROVAL}", see https://github.com/kubernetes/enhancements/pull/1111`;
  return [{ field: `metadata.annotations[${APPROVAL}]`, reason: "FieldValueRequired", detail }];
}

function versionErrors(spec: CrdSpec): FieldError[] {
  const errors: FieldError[] = [];
  if (spec.versions.length === 0) return [{ field: "spec.versions", reason: "FieldValueRequired", detail: "Required value: must have at least one version" }];
  if (spec.versions.filter((v) => v.storage).length !== 1) {
    const shown = JSON.stringify(spec.versions.map((v) => ({ name: v.name, served: v.served, storage: v.storage })));
    errors.push({ field: "spec.versions", reason: "FieldValueInvalid", detail: `Invalid value: ${shown}: must have exactly one version marked as storage version` });
  }
  const seen = new Set<string>();
  spec.versions.forEach((version, i) => {
    const path = `spec.versions[${i}]`;
    if (seen.has(version.name)) errors.push({ field: `${path}.name`, reason: "FieldValueDuplicate", detail: `Duplicate value: "${version.name}"` });
    seen.add(version.name);
    if (!DNS1035.test(version.name)) errors.push({ field: `${path}.name`, reason: "FieldValueInvalid", detail: `Invalid value: "${version.name}": ${DNS1035_MSG}` });
    errors.push(...schemaErrors(version.schema?.openAPIV3Schema, `${path}.schema.openAPIV3Schema`));
    (version.additionalPrinterColumns ?? []).forEach((column, c) => {
      if (!column.jsonPath.startsWith(".")) {
        errors.push({ field: `${path}.additionalPrinterColumns[${c}].JSONPath`, reason: "FieldValueInvalid", detail: `Invalid value: "${column.jsonPath}": must be a simple json path starting with .` });
      }
    });
  });
  return errors;
}

/** Group and scope cannot change (the name pins the group; stored objects pin the scope). */
function immutableErrors(spec: CrdSpec, existing: KubeObject): FieldError[] {
  const before = crdSpec.safeParse(existing.spec);
  if (!before.success) return [];
  const errors: FieldError[] = [];
  if (before.data.group !== spec.group) errors.push({ field: "spec.group", reason: "FieldValueInvalid", detail: `Invalid value: "${spec.group}": field is immutable` });
  if (before.data.scope !== spec.scope) errors.push({ field: "spec.scope", reason: "FieldValueInvalid", detail: `Invalid value: "${spec.scope}": field is immutable` });
  return errors;
}

export { storageVersion };
