// OpenAPI v3 component schemas for kinds with a structural schema, as the apiextensions apiserver publishes a
// CRD's: named by reversed group, version and kind ("dev.eastwest.v1alpha1.FailoverDrill"), tagged with
// x-kubernetes-group-version-kind (how `kubectl explain` finds them), metadata a reference to ObjectMeta.
import { clone } from "./object-util";
import type { StructuralSchema } from "./schema/index";
import type { ResourceType } from "./types";

export const OBJECT_META_REF = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

const str = (description: string) => ({ type: "string", description });
const strMap = (description: string) => ({ type: "object", additionalProperties: { type: "string", default: "" }, description });

const OBJECT_META = {
  description: "ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.",
  type: "object",
  properties: {
    annotations: strMap("Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata."),
    creationTimestamp: { ...str("CreationTimestamp is a timestamp representing the server time when this object was created."), format: "date-time" },
    deletionTimestamp: { ...str("DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted."), format: "date-time" },
    finalizers: { type: "array", items: { type: "string", default: "" }, "x-kubernetes-list-type": "set", description: "Must be empty before the object is deleted from the registry." },
    generateName: str("GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided."),
    generation: { type: "integer", format: "int64", description: "A sequence number representing a specific generation of the desired state." },
    labels: strMap("Map of string keys and values that can be used to organize and categorize (scope and select) objects."),
    name: str("Name must be unique within a namespace."),
    namespace: str("Namespace defines the space within which each name must be unique."),
    resourceVersion: str("An opaque value that represents the internal version of this object."),
    uid: str("UID is the unique in time and space value for this object."),
  },
};

/** "eastwest.dev" → "dev.eastwest" (the Go package-style name upstream gives CRD schemas). */
function reversedGroup(group: string): string {
  return group.split(".").reverse().join(".");
}

export function schemaName(type: ResourceType, version: string): string {
  return `${reversedGroup(type.group)}.${version}.${type.kind}`;
}

function published(type: ResourceType, version: string, schema: StructuralSchema): Record<string, unknown> {
  const doc = clone(schema) as Record<string, unknown>;
  const properties = { ...((doc.properties as Record<string, unknown> | undefined) ?? {}) };
  properties.apiVersion = str("APIVersion defines the versioned schema of this representation of an object.");
  properties.kind = str("Kind is a string value representing the REST resource this object represents.");
  properties.metadata = { allOf: [{ $ref: `#/components/schemas/${OBJECT_META_REF}` }], default: {}, description: "Standard object's metadata." };
  return { ...doc, properties, "x-kubernetes-group-version-kind": [{ group: type.group, kind: type.kind, version }] };
}

/** components.schemas of one group/version document (empty when no kind in it has a schema). */
export function componentSchemas(types: ResourceType[], version: string): Record<string, unknown> {
  const schemas: Record<string, unknown> = {};
  for (const type of types) if (type.schema) schemas[schemaName(type, version)] = published(type, version, type.schema);
  if (Object.keys(schemas).length > 0) schemas[OBJECT_META_REF] = OBJECT_META;
  return schemas;
}
