// The structural schema of a CustomResourceDefinition version (apiextensions.k8s.io/v1 JSONSchemaProps, the
// subset structural schemas use), decoded with zod at the boundary where a CRD's spec enters the lab. Written
// for any kind (issue 15 gives the Istio kinds schemas the same way), not only for CRDs applied at run time.
import { z } from "zod";

export type SchemaType = "object" | "array" | "string" | "integer" | "number" | "boolean";

export interface StructuralSchema {
  type?: SchemaType;
  description?: string;
  properties?: Record<string, StructuralSchema>;
  additionalProperties?: StructuralSchema | boolean;
  items?: StructuralSchema;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  "x-kubernetes-preserve-unknown-fields"?: boolean;
  "x-kubernetes-int-or-string"?: boolean;
  "x-kubernetes-embedded-resource"?: boolean;
  "x-kubernetes-list-type"?: "atomic" | "set" | "map";
  "x-kubernetes-list-map-keys"?: string[];
  "x-kubernetes-map-type"?: "atomic" | "granular";
  /** CEL rules; the lab enforces the ones schema/cel-rules.ts knows (the Istio CRDs' own) and ignores the rest. */
  "x-kubernetes-validations"?: Array<{ rule: string; message?: string }>;
}

const count = z.number().int().nonnegative();

// Unknown JSONSchemaProps keywords (title, example, externalDocs, x-kubernetes-validations …) are accepted and
// ignored; a keyword the lab enforces must have the right shape.
export const structuralSchema: z.ZodType<StructuralSchema> = z.lazy(() =>
  z.looseObject({
    type: z.enum(["object", "array", "string", "integer", "number", "boolean"]).optional(),
    description: z.string().optional(),
    properties: z.record(z.string(), structuralSchema).optional(),
    additionalProperties: z.union([z.boolean(), structuralSchema]).optional(),
    items: structuralSchema.optional(),
    required: z.array(z.string()).optional(),
    enum: z.array(z.unknown()).optional(),
    default: z.unknown().optional(),
    nullable: z.boolean().optional(),
    format: z.string().optional(),
    pattern: z.string().optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    exclusiveMinimum: z.boolean().optional(),
    exclusiveMaximum: z.boolean().optional(),
    minLength: count.optional(),
    maxLength: count.optional(),
    minItems: count.optional(),
    maxItems: count.optional(),
    minProperties: count.optional(),
    maxProperties: count.optional(),
    "x-kubernetes-preserve-unknown-fields": z.boolean().optional(),
    "x-kubernetes-int-or-string": z.boolean().optional(),
    "x-kubernetes-embedded-resource": z.boolean().optional(),
    "x-kubernetes-list-type": z.enum(["atomic", "set", "map"]).optional(),
    "x-kubernetes-list-map-keys": z.array(z.string()).optional(),
    "x-kubernetes-map-type": z.enum(["atomic", "granular"]).optional(),
    "x-kubernetes-validations": z.array(z.looseObject({ rule: z.string(), message: z.string().optional() })).optional(),
  }),
);

/** The schema of one property of an object node (a declared property, else additionalProperties). */
export function propertySchema(schema: StructuralSchema, name: string): StructuralSchema | undefined {
  const declared = schema.properties?.[name];
  if (declared) return declared;
  return typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined;
}

/** Whether an object node keeps fields it does not declare (pruning stops there). */
export function keepsUnknownFields(schema: StructuralSchema): boolean {
  return schema["x-kubernetes-preserve-unknown-fields"] === true || schema.additionalProperties !== undefined && schema.additionalProperties !== false;
}

/** "spec.ports[0].name": field paths as field.Path renders them. */
export function childField(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

export function indexField(path: string, index: number): string {
  return `${path}[${index}]`;
}
