// Field errors are how every builder and validator of the console reports bad input: one entry per field, with a
// sentence a person can act on. tRPC routers turn them into a 4xx (BAD_REQUEST) and write nothing; the UI shows
// each message next to its field. A result is data, never a throw.
import type { z } from "zod";

export type FieldError = {
  /** Dotted path of the input field (`exposedServices.2`, `clusters.0`, `name`). */
  field: string;
  message: string;
};

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function valid<T>(value: T): Validated<T> {
  return { ok: true, value };
}

export function invalid<T>(errors: FieldError[]): Validated<T> {
  return { ok: false, errors };
}

/** One FieldError per zod issue; the path becomes the field (`(input)` for the whole object). */
export function fromZodError(error: z.ZodError, prefix = ""): FieldError[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== "").join(".");
    return { field: path === "" ? "(input)" : path, message: issue.message };
  });
}

/** Parses with a schema whose messages are already written for people; errors keep their field paths. */
export function parseWith<S extends z.ZodType>(schema: S, raw: unknown): Validated<z.output<S>> {
  const parsed = schema.safeParse(raw);
  return parsed.success ? valid(parsed.data) : invalid(fromZodError(parsed.error));
}
