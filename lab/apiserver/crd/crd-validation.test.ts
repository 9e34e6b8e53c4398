// Table-driven: a CRD with one thing wrong per row, and the field error apiextensions gives for it.
import { describe, expect, it } from "vitest";
import type { StructuralSchema } from "../schema/index";
import { StatusError, type KubeObject } from "../types";
import { crdType } from "./crd-kind";
import { defaultCrd, validateCrd } from "./crd-validation";

interface Version {
  name: string;
  served: boolean;
  storage: boolean;
  schema?: { openAPIV3Schema: StructuralSchema };
  additionalPrinterColumns?: unknown[];
}

interface Spec {
  group: string;
  scope: string;
  names: { kind?: string; plural: string; singular?: string };
  versions: Version[];
}

type Edit = (spec: Spec, object: KubeObject) => void;

function version(spec: Spec): Version {
  const first = spec.versions[0];
  if (!first) throw new Error("no version");
  return first;
}

/** The properties of the first version's spec object, to edit. */
function specProperties(spec: Spec): Record<string, StructuralSchema> {
  const properties = version(spec).schema?.openAPIV3Schema.properties?.spec?.properties;
  if (!properties) throw new Error("no spec properties");
  return properties;
}

function setRoot(spec: Spec, schema: StructuralSchema): void {
  version(spec).schema = { openAPIV3Schema: schema };
}

function crd(edit: Edit = () => undefined): KubeObject {
  const spec: Spec = {
    group: "example.com", scope: "Namespaced", names: { kind: "Widget", plural: "widgets" },
    versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object", properties: { spec: { type: "object", properties: { size: { type: "integer" } } } } } } }],
  };
  const object: KubeObject = { apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", metadata: { name: "widgets.example.com" }, spec };
  edit(spec, object);
  defaultCrd(object);
  return object;
}

function errors(object: KubeObject, existing?: KubeObject): string[] {
  try {
    validateCrd(crdType(), object, existing);
    return [];
  } catch (err) {
    if (!(err instanceof StatusError)) throw err;
    return (err.status.details?.causes ?? []).map((c) => `${c.field ?? ""}: ${c.message ?? ""}`);
  }
}

const schemaPath = "spec.versions[0].schema.openAPIV3Schema";

const rows: Array<[string, Edit, string[]]> = [
  ["a valid CRD", () => undefined, []],
  ["a name that is not plural.group", (_s, o) => void (o.metadata.name = "widget.example.com"), ['metadata.name: Invalid value: "widget.example.com": must be spec.names.plural+"."+spec.group']],
  ["a group without a dot", (s, o) => { s.group = "example"; o.metadata.name = "widgets.example"; }, ['spec.group: Invalid value: "example": should be a domain with at least one dot']],
  ["an unknown scope", (s) => void (s.scope = "Global"), ['spec.scope: Unsupported value: "Global": supported values: "Cluster", "Namespaced"']],
  ["an upper-case plural", (s, o) => { s.names.plural = "Widgets"; o.metadata.name = "Widgets.example.com"; }, [expect.stringMatching(/^spec\.names\.plural: Invalid value: "Widgets": a DNS-1035 label/)]],
  ["a kind with a space", (s) => { s.names.kind = "My Widget"; s.names.singular = "widget"; }, ['spec.names.kind: Invalid value: "My Widget": may have mixed case, but should otherwise match: [a-z]([-a-z0-9]*[a-z0-9])?']],
  ["a missing kind", (s) => void delete s.names.kind, ["spec.names.kind: Required value"]],
  ["two storage versions", (s) => void s.versions.push({ ...version(s), name: "v2" }), [expect.stringMatching(/^spec\.versions: Invalid value: .*: must have exactly one version marked as storage version$/)]],
  ["no schema", (s) => void delete version(s).schema, [`${schemaPath}: Required value: schemas are required`]],
  ["a root that is not an object", (s) => setRoot(s, { type: "string" }), [`${schemaPath}.type: Invalid value: "string": must be object at the root`]],
  ["an object field without a type", (s) => setRoot(s, { type: "object", properties: { spec: { properties: { a: { type: "string" } } } } }), [`${schemaPath}.properties[spec].type: Required value: must not be empty for specified object fields`]],
  ["a default outside its enum", (s) => void (specProperties(s).mode = { type: "string", enum: ["A"], default: "B" }), [`${schemaPath}.properties[spec].properties[mode].default: Unsupported value: "B": supported values: "A"`]],
  ["a lookahead Go's regexp cannot run", (s) => void (specProperties(s).name = { type: "string", pattern: "^(?!kube-).*$" }), [`${schemaPath}.properties[spec].properties[name].pattern: Invalid value: "^(?!kube-).*$": must be a valid regular expression, but isn't: error parsing regexp: invalid or unsupported Perl syntax: \`(?!\``]],
  ["a map list without keys", (s) => void (specProperties(s).items = { type: "array", "x-kubernetes-list-type": "map", items: { type: "object" } }), [`${schemaPath}.properties[spec].properties[items].x-kubernetes-list-map-keys: Required value: must not be empty if x-kubernetes-list-type is map`]],
  ["a printer column path without a dot", (s) => void (version(s).additionalPrinterColumns = [{ name: "Size", type: "integer", jsonPath: "spec.size" }]), ['spec.versions[0].additionalPrinterColumns[0].JSONPath: Invalid value: "spec.size": must be a simple json path starting with .']],
  ["a protected group without approval", (s, o) => { s.group = "widgets.k8s.io"; o.metadata.name = "widgets.widgets.k8s.io"; }, ['metadata.annotations[api-approved.kubernetes.io]: Required value: protected groups must have approval annotation "api-approved.kubernetes.io", see https://github.com/kubernetes/enhancements/pull/1111']],
  ["a protected group with approval", (s, o) => { s.group = "widgets.k8s.io"; o.metadata.name = "widgets.widgets.k8s.io"; o.metadata.annotations = { "api-approved.kubernetes.io": "unapproved, experimental-only" }; }, []],
];

describe("validateCrd", () => {
  it.each(rows)("%s", (_name, edit, expected) => {
    expect(errors(crd(edit))).toEqual(expected);
  });

  it("refuses changing the scope or group of an existing CRD", () => {
    expect(errors(crd((s) => void (s.scope = "Cluster")), crd())).toEqual(['spec.scope: Invalid value: "Cluster": field is immutable']);
  });

  it("defaults singular, listKind and conversion", () => {
    expect(crd().spec).toMatchObject({ names: { singular: "widget", listKind: "WidgetList" }, conversion: { strategy: "None" } });
  });
});
