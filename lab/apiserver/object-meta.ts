// ObjectMeta rules applied by the generic registry on create (rest.BeforeCreate): names, generateName, uid,
// creationTimestamp; and the name formats upstream validates.
import { randomUUID } from "node:crypto";
import type { FieldError } from "./status";

// k8s.io/apiserver/pkg/storage/names: 5 random characters from an alphabet without vowels or confusables.
const ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

export function generateNameSuffix(): string {
  let out = "";
  for (let i = 0; i < 5; i++) out += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return out;
}

/** generateName is truncated so the result fits 63 characters (names.SimpleNameGenerator). */
export function generatedName(base: string): string {
  const trimmed = base.length > 58 ? base.slice(0, 58) : base;
  return trimmed + generateNameSuffix();
}

export function newUid(): string {
  return randomUUID();
}

/** RFC 3339 with whole seconds, as metav1.Time serialises. */
export function nowTimestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_1123_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const LABEL_1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

const RBAC_GROUP = "rbac.authorization.k8s.io";

/** RBAC names are path segments (ValidateRBACName = path.IsValidPathSegmentName), so "system:discovery" is valid. */
function validatePathSegmentName(name: string): FieldError[] {
  const invalidName = (why: string): FieldError => ({ field: "metadata.name", reason: "FieldValueInvalid", detail: `Invalid value: "${name}": ${why}` });
  if (name === "." || name === "..") return [invalidName(`may not be '${name}'`)];
  return ["/", "%"].filter((c) => name.includes(c)).map((c) => invalidName(`may not contain '${c}'`));
}

/** Namespaces are RFC 1123 labels, Services DNS-1035 labels, RBAC kinds path segments, everything else RFC 1123 subdomains. */
export function validateName(kind: string, name: string, group = ""): FieldError[] {
  if (group === RBAC_GROUP) return validatePathSegmentName(name);
  const [pattern, message, max] =
    kind === "Namespace" ? [LABEL_1123, LABEL_1123_MSG, 63] : kind === "Service" ? [LABEL_1035, LABEL_1035_MSG, 63] : [SUBDOMAIN, SUBDOMAIN_MSG, 253];
  const errors: FieldError[] = [];
  if (name.length > max) {
    errors.push({ field: "metadata.name", reason: "FieldValueInvalid", detail: `Invalid value: "${name}": must be no more than ${max} characters` });
  }
  if (!pattern.test(name)) {
    errors.push({ field: "metadata.name", reason: "FieldValueInvalid", detail: `Invalid value: "${name}": ${message}` });
  }
  return errors;
}
