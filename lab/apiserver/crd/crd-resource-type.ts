// The ResourceType an established CRD serves: its accepted names, the served versions (objects stored in the
// storage version), and from the storage version its schema (validation, defaulting, pruning, SSA list types),
// status subresource and printer columns (none declared → Age, as the apiextensions handler defaults them).
import { listHints } from "../schema/index";
import type { PrinterColumn, ResourceType } from "../types";
import { storageVersion, type AcceptedNames, type CrdSpec } from "./crd-spec";

const AGE: PrinterColumn = {
  name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp",
  description: "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
};

export function crdResourceType(spec: CrdSpec, names: AcceptedNames): ResourceType | undefined {
  const storage = storageVersion(spec);
  if (!storage || !names.plural || !names.kind) return undefined;
  const schema = storage.schema?.openAPIV3Schema;
  const declared = storage.additionalPrinterColumns ?? [];
  const printerColumns: PrinterColumn[] = declared.length > 0
    ? declared.map((c) => ({
      name: c.name, type: c.type, jsonPath: c.jsonPath,
      // The table convertor's column description when the CRD gives none.
      description: c.description ?? `Custom resource definition column (in JSONPath format): ${c.jsonPath}`,
      ...(c.priority ? { priority: c.priority } : {}),
    }))
    : [AGE];
  const hints = schema ? listHints(schema) : { listMapKeys: {}, listSets: [] };
  return {
    group: spec.group,
    version: storage.name,
    servedVersions: spec.versions.filter((v) => v.served).map((v) => v.name),
    kind: names.kind,
    listKind: names.listKind ?? `${names.kind}List`,
    plural: names.plural,
    singular: names.singular ?? names.kind.toLowerCase(),
    namespaced: spec.scope === "Namespaced",
    shortNames: names.shortNames ?? [],
    ...(names.categories ? { categories: names.categories } : {}),
    custom: true,
    subresources: { status: storage.subresources?.status !== undefined },
    printerColumns,
    listMapKeys: hints.listMapKeys,
    listSets: hints.listSets,
    ...(schema ? { schema } : {}),
  };
}
