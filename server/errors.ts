import type { FieldError } from "@/lib/validation/field-error";

/**
 * Domain errors the routers let through. `server/trpc.ts` maps them to tRPC codes in one
 * place, so plain functions never import tRPC.
 */
export class NotFoundError extends Error {
  /** The input field that named the missing thing, so the client can point at it. */
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = "NotFoundError";
    this.field = field;
  }
}

/** A part of the console that the request needs is not running (e.g. the registry failed to start). */
export class UnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnavailableError";
  }
}

/** Bad input: one entry per field with a sentence a person can act on. Nothing was written. */
export class ValidationError extends Error {
  readonly fieldErrors: FieldError[];

  constructor(fieldErrors: FieldError[]) {
    super(fieldErrors.map((e) => `${e.field}: ${e.message}`).join(" ") || "invalid input");
    this.name = "ValidationError";
    this.fieldErrors = fieldErrors;
  }
}
