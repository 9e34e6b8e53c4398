// The parts of an apiextensions.k8s.io/v1 CustomResourceDefinition the lab acts on, decoded with zod at the
// boundary (a CRD written through the API). Shape errors become the 422 the CRD's validation gives; the rules
// upstream's ValidateCustomResourceDefinition adds on top are in crd-validation.ts.
import { z } from "zod";
import { structuralSchema } from "../schema/index";

export const CRD_GROUP = "apiextensions.k8s.io";
export const CRD_KIND = "CustomResourceDefinition";

const printerColumn = z.looseObject({
  name: z.string(),
  type: z.enum(["string", "integer", "number", "boolean", "date"]),
  jsonPath: z.string(),
  description: z.string().optional(),
  priority: z.number().int().optional(),
  format: z.string().optional(),
});

const crdVersion = z.looseObject({
  name: z.string(),
  served: z.boolean(),
  storage: z.boolean(),
  schema: z.looseObject({ openAPIV3Schema: structuralSchema.optional() }).optional(),
  subresources: z.looseObject({ status: z.looseObject({}).optional(), scale: z.looseObject({}).optional() }).optional(),
  additionalPrinterColumns: z.array(printerColumn).optional(),
});

export const crdNames = z.looseObject({
  plural: z.string(),
  singular: z.string().optional(),
  kind: z.string(),
  listKind: z.string().optional(),
  shortNames: z.array(z.string()).optional(),
  categories: z.array(z.string()).optional(),
});

export const crdSpec = z.looseObject({
  group: z.string(),
  scope: z.string(),
  names: crdNames,
  versions: z.array(crdVersion),
});

export type CrdSpec = z.infer<typeof crdSpec>;
export type CrdVersion = z.infer<typeof crdVersion>;
export type CrdNames = z.infer<typeof crdNames>;

/** status.acceptedNames; plural and kind are always present (empty until accepted), as upstream serialises them. */
export const acceptedNames = z.looseObject({
  plural: z.string().default(""),
  singular: z.string().optional(),
  kind: z.string().default(""),
  listKind: z.string().optional(),
  shortNames: z.array(z.string()).optional(),
  categories: z.array(z.string()).optional(),
});

export type AcceptedNames = z.infer<typeof acceptedNames>;

export const crdCondition = z.looseObject({
  type: z.string(),
  status: z.enum(["True", "False", "Unknown"]),
  reason: z.string().optional(),
  message: z.string().optional(),
  lastTransitionTime: z.string().optional(),
});

export type CrdCondition = z.infer<typeof crdCondition>;

export const crdStatus = z.looseObject({
  acceptedNames: acceptedNames.optional(),
  conditions: z.array(crdCondition).optional(),
  storedVersions: z.array(z.string()).optional(),
});

export type CrdStatus = z.infer<typeof crdStatus>;

/** The storage version (exactly one after validation). */
export function storageVersion(spec: CrdSpec): CrdVersion | undefined {
  return spec.versions.find((v) => v.storage);
}
