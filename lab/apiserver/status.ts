// Builders for metav1.Status, with the reasons and messages of k8s.io/apimachinery/pkg/api/errors, so clients
// that match on reason (IsNotFound, IsConflict, IsExpired …) and people reading messages see what upstream says.
import { StatusError, type ResourceType, type Status } from "./types";

type Cause = { reason?: string; message?: string; field?: string };
type Details = NonNullable<Status["details"]>;

export function failure(code: number, reason: string, message: string, details?: Details): Status {
  const status: Status = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code };
  if (details) status.details = details;
  return status;
}

export function statusError(code: number, reason: string, message: string, details?: Details): StatusError {
  return new StatusError(failure(code, reason, message, details));
}

/** "serviceentries.networking.istio.io", or "pods" for the core group (GroupResource.String()). */
export function groupResource(type: ResourceType): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

/** "ServiceEntry.networking.istio.io", or "Pod" for the core group (GroupKind.String()). */
export function groupKind(type: ResourceType): string {
  return type.group ? `${type.kind}.${type.group}` : type.kind;
}

// Upstream puts the resource (plural) into details.kind for NotFound/AlreadyExists/Conflict ("Yes we set Kind
// field to resource").
function resourceDetails(type: ResourceType, name: string): Details {
  return type.group ? { name, group: type.group, kind: type.plural } : { name, kind: type.plural };
}

export function notFound(type: ResourceType, name: string): StatusError {
  return statusError(404, "NotFound", `${groupResource(type)} "${name}" not found`, resourceDetails(type, name));
}

export function namespaceNotFound(name: string): StatusError {
  return statusError(404, "NotFound", `namespaces "${name}" not found`, { name, kind: "namespaces" });
}

export function alreadyExists(type: ResourceType, name: string): StatusError {
  return statusError(409, "AlreadyExists", `${groupResource(type)} "${name}" already exists`, resourceDetails(type, name));
}

export const CONFLICT_TEXT = "the object has been modified; please apply your changes to the latest version and try again";

export function conflict(type: ResourceType, name: string, text = CONFLICT_TEXT): StatusError {
  const message = `Operation cannot be fulfilled on ${groupResource(type)} "${name}": ${text}`;
  return statusError(409, "Conflict", message, resourceDetails(type, name));
}

/** One field error as field.Error renders it: "<field>: <Type>: <detail>". */
export interface FieldError {
  field: string;
  /** FieldValueRequired, FieldValueInvalid, FieldValueForbidden, FieldValueNotSupported … */
  reason: string;
  /** The part after the field, e.g. `Required value: name or generateName is required`. */
  detail: string;
}

export function invalid(type: ResourceType, name: string, errors: FieldError[]): StatusError {
  const causes: Cause[] = errors.map((e) => ({ reason: e.reason, message: e.detail, field: e.field }));
  const rendered = errors.map((e) => `${e.field}: ${e.detail}`);
  const list = rendered.length === 1 ? rendered[0] : `[${rendered.join(", ")}]`;
  const details: Details = { name, kind: type.kind, causes };
  if (type.group) details.group = type.group;
  return statusError(422, "Invalid", `${groupKind(type)} "${name}" is invalid: ${list}`, details);
}

export function badRequest(message: string): StatusError {
  return statusError(400, "BadRequest", message);
}

export function forbidden(type: ResourceType, name: string, why: string, causes?: Cause[]): StatusError {
  const details: Details = { ...resourceDetails(type, name), ...(causes ? { causes } : {}) };
  return statusError(403, "Forbidden", `${groupResource(type)} "${name}" is forbidden: ${why}`, details);
}

export function expired(message: string): StatusError {
  return statusError(410, "Expired", message);
}

// go-restful's 405, as the apiserver's ServiceErrorHandler renders it (NewGenericServerResponse).
export function methodNotAllowed(): StatusError {
  return statusError(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
}

/** The 404 upstream's mux answers for a path it does not serve. */
export function pathNotFound(): StatusError {
  return statusError(404, "NotFound", "the server could not find the requested resource");
}

/** negotiation.NewUnsupportedMediaTypeError(accepted). */
export function unsupportedMediaType(accepted: string[]): StatusError {
  const message = `the body of the request was in an unknown format - accepted media types include: ${accepted.join(", ")}`;
  return statusError(415, "UnsupportedMediaType", message);
}

export function unauthorized(): StatusError {
  return statusError(401, "Unauthorized", "Unauthorized");
}

export function internalError(err: unknown): StatusError {
  const text = err instanceof Error ? err.message : String(err);
  return statusError(500, "InternalError", `Internal error occurred: ${text}`, { causes: [{ message: text }] });
}

export function success(details: Details, code?: number): Record<string, unknown> {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", details, ...(code ? { code } : {}) };
}
