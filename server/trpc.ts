import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { fromZodError } from "@/lib/validation/field-error";
import { NotFoundError, UnavailableError, ValidationError } from "./errors";
import type { FleetService } from "./fleet/service";
import type { RegistryService } from "./registry/service";

/** Everything a procedure may use; routers get their dependencies only from here. */
/** Per request: the process singletons. The registry is optional so router tests can leave it out. */
export type Context = { fleet: FleetService; registry?: Promise<RegistryService> };

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
        // Zod errors flattened so a form can show each field's message next to it.
        zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
        field: cause instanceof NotFoundError ? cause.field : null,
        // Bad input, one entry per field (dotted input path), for forms; zod input errors come out the same way.
        fieldErrors: fieldErrorsOf(cause),
      },
    };
  },
});

function fieldErrorsOf(cause: unknown) {
  if (cause instanceof ValidationError) return cause.fieldErrors;
  if (cause instanceof ZodError) return fromZodError(cause);
  if (cause instanceof NotFoundError) return [{ field: cause.field, message: cause.message }];
  return null;
}

/** Domain errors → tRPC codes, in this one place. Anything unrecognised stays a 500. */
function codeFor(err: unknown): TRPC_ERROR_CODE_KEY | undefined {
  if (err instanceof NotFoundError) return "NOT_FOUND";
  if (err instanceof ValidationError) return "BAD_REQUEST";
  if (err instanceof UnavailableError) return "PRECONDITION_FAILED";
  return undefined;
}

const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const code = codeFor(result.error.cause);
    if (code) throw new TRPCError({ code, message: result.error.message, cause: result.error.cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
/** Viewer level: anyone who can reach the console. Owner levels come with auth. */
export const publicProcedure = t.procedure.use(mapErrors);
