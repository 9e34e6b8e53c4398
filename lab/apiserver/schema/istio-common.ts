// Building blocks of the Istio CRDs' structural schemas (istio.io/api's generated CRDs, written from the public
// API reference): typed scalars, port numbers with the CRDs' CEL range rule, label maps, workload selectors,
// durations, and the root every Istio kind shares (`spec` required, `status` kept as written).
import type { StructuralSchema } from "./structural";

export const str = (description?: string, extra: StructuralSchema = {}): StructuralSchema => ({ type: "string", ...(description ? { description } : {}), ...extra });
export const bool = (description?: string): StructuralSchema => ({ type: "boolean", nullable: true, ...(description ? { description } : {}) });
export const int32 = (description?: string, extra: StructuralSchema = {}): StructuralSchema => ({ type: "integer", format: "int32", ...(description ? { description } : {}), ...extra });
export const uint32 = (description?: string): StructuralSchema => ({ type: "integer", minimum: 0, maximum: 4294967295, ...(description ? { description } : {}) });
export const strings = (description?: string, extra: StructuralSchema = {}): StructuralSchema => ({ type: "array", items: { type: "string" }, ...(description ? { description } : {}), ...extra });
export const object = (properties: Record<string, StructuralSchema>, extra: StructuralSchema = {}): StructuralSchema => ({ type: "object", properties, ...extra });
export const enumOf = (values: string[], description?: string): StructuralSchema => ({ type: "string", enum: values, ...(description ? { description } : {}) });
/** A subtree the lab types only at its top: kept as written (not pruned), like x-kubernetes-preserve-unknown-fields. */
export const opaque = (description?: string): StructuralSchema => ({ type: "object", "x-kubernetes-preserve-unknown-fields": true, ...(description ? { description } : {}) });

export const PORT_RANGE = { rule: "0 < self && self <= 65535", message: "port must be between 1-65535" };

export const portNumber = (description: string): StructuralSchema => ({ ...uint32(description), "x-kubernetes-validations": [PORT_RANGE] });

export const stringMap = (description: string, extra: StructuralSchema = {}): StructuralSchema => ({ type: "object", additionalProperties: { type: "string" }, description, ...extra });

export const duration = (description: string): StructuralSchema =>
  str(description, { "x-kubernetes-validations": [{ rule: "duration(self) >= duration('1ms')", message: "must be a valid duration greater than 1ms" }] });

/** WorkloadSelector: label values may not be wildcards. */
export const workloadSelector = (labelsField: "labels" | "matchLabels", description: string): StructuralSchema =>
  object({
    [labelsField]: stringMap("One or more labels that indicate a specific set of pods/VMs on which the configuration should be applied.", {
      additionalProperties: { type: "string", maxLength: 63, "x-kubernetes-validations": [{ rule: "!self.contains('*')", message: "wildcard is not supported in selector" }] },
      maxProperties: 256,
      "x-kubernetes-validations": [{ rule: "self.all(key, !key.contains('*'))", message: "wildcard is not supported in selector" }],
    }),
  }, { description });

/** The root of every Istio kind: `spec` (required), `status` preserved as the Istio CRDs declare it. */
export function istioRoot(spec: StructuralSchema): StructuralSchema {
  return object({ spec, status: { type: "object", "x-kubernetes-preserve-unknown-fields": true } }, { required: ["spec"] });
}
