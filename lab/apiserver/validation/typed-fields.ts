// What decoding a body into a built-in kind's Go struct refuses (400, as the decoder's error): metadata.name
// that is not a string, and the Lease fields whose Go types are strict (leaseDurationSeconds and leaseTransitions
// int32, acquireTime and renewTime MicroTime). encoding/json words a type mismatch as
// `json: cannot unmarshal <json type> into Go struct field <Struct>.<path> of type <go type>`.
import { isRecord } from "../object-util";
import { badRequest } from "../status";
import type { KubeObject, ResourceType } from "../types";
import { microTimeError } from "./go-time";

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (value === null) return "null";
  if (typeof value === "boolean") return "bool";
  return typeof value === "object" ? "object" : typeof value;
}

/** encoding/json names the literal's value only when a number does not fit a numeric field ("number 1.5"). */
function mismatch(value: unknown, struct: string, path: string, goType: string): string {
  const numeric = goType.startsWith("int") || goType.startsWith("uint");
  const shown = typeof value === "number" && numeric ? `number ${value}` : jsonType(value);
  return `json: cannot unmarshal ${shown} into Go struct field ${struct}.${path} of type ${goType}`;
}

const INT32_MAX = 2 ** 31 - 1;

function int32Error(value: unknown, struct: string, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "number" && Number.isInteger(value) && Math.abs(value) <= INT32_MAX) return undefined;
  return mismatch(value, struct, path, "int32");
}

function microTimeFieldError(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") return `json: cannot unmarshal ${jsonType(value)} into Go value of type string`;
  return microTimeError(value);
}

function leaseError(object: KubeObject): string | undefined {
  const spec = object.spec;
  if (spec === undefined || spec === null) return undefined;
  if (!isRecord(spec)) return mismatch(spec, "Lease", "spec", "v1.LeaseSpec");
  if (spec.holderIdentity !== undefined && spec.holderIdentity !== null && typeof spec.holderIdentity !== "string") {
    return mismatch(spec.holderIdentity, "LeaseSpec", "spec.holderIdentity", "string");
  }
  return int32Error(spec.leaseDurationSeconds, "LeaseSpec", "spec.leaseDurationSeconds")
    ?? int32Error(spec.leaseTransitions, "LeaseSpec", "spec.leaseTransitions")
    ?? microTimeFieldError(spec.acquireTime)
    ?? microTimeFieldError(spec.renewTime);
}

/** Throws the decoder's 400 for a body the kind's Go types cannot hold. `version`: the request's version. */
export function checkTypedFields(type: ResourceType, object: KubeObject, version: string): void {
  const name = object.metadata.name;
  let error = name !== undefined && name !== null && typeof name !== "string" ? mismatch(name, "ObjectMeta", "metadata.name", "string") : undefined;
  if (!error && type.group === "coordination.k8s.io" && type.kind === "Lease") error = leaseError(object);
  if (error) throw badRequest(`${type.kind} in version "${version}" cannot be handled as a ${type.kind}: ${error}`);
}
