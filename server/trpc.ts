import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { truncated } from "@/lib/validation/bounded-text";
import { boundedSuperjson } from "./bounded-transformer";
import { asDomainError, forbidden, type DomainErrorTag } from "./errors";
import { errorResponseParts } from "./error-shape";
import type { AuditSink } from "./audit/types";
import type { Actor, Role } from "./auth/identity";
import type { DrillService } from "./drills/types";
import type { FleetService } from "./fleet/service";
import type { FleetModel } from "./model/types";
import type { RegistryService } from "./registry/service";
import { decideAccess, type AccessRule, type AccessScope } from "./routers/access/access-decision";
import { scopeOfInput } from "./routers/access/scope-of-input";
import { workspaceKeysOf } from "./routers/access/workspace-keys";

/** Everything a procedure may use; routers get their dependencies only from here. */
/** Per request: the process singletons. The registry is optional so router tests can leave it out. */
/** `model`: the process's fleet model; absent (router tests with a fake fleet), each fleet gets one of its own. */
/** `drills`: the drill runner's service (server/drills); absent in router tests that do not exercise drills. */
/** `actor`: who is asking (server/auth); absent means mode `none` (loopback, the console's own credentials). */
/** `audit`: where writes made for a person are recorded (server/audit); absent (router tests) records nothing. */
export type Context = { fleet: FleetService; registry?: Promise<RegistryService>; model?: FleetModel; drills?: DrillService; actor?: Actor; audit?: AuditSink };

/**
 * Every procedure's declaration (set by the builders below, never by a router): the role it needs and, for the
 * owner roles, what it does in words for the refusal. The router walk test (server/routers/access) reads it.
 */
export type ProcedureMeta = { role: Role; action?: string };

const t = initTRPC.context<Context>().meta<ProcedureMeta>().create({
  transformer: boundedSuperjson,
  // SSE liveness: the server sends a ping every 15 s of silence, and tells the browser's httpSubscriptionLink (in
  // the stream's `connected` event) to drop and reconnect (with its last event id) after 30 s without anything,
  // so a connection a proxy or a sleeping laptop left half-open is noticed instead of showing a frozen fleet.
  sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 30_000 } },
  // One error shape for every response: a bounded message and one bounded `fieldErrors` list (dotted input
  // paths), whatever the cause (zod input errors, tagged domain errors, anything else). No stack, no echo.
  errorFormatter({ shape, error }) {
    const { message, fieldErrors } = errorResponseParts(error.message, error.cause);
    // The path comes from the URL: an unknown one is quoted back cut, like any other value.
    const data = { code: shape.data.code, httpStatus: shape.data.httpStatus, ...(shape.data.path === undefined ? {} : { path: truncated(shape.data.path) }), fieldErrors };
    return { code: shape.code, message, data };
  },
});

/** Tagged domain errors → tRPC codes, in this one place. Anything unrecognised stays a 500. */
const CODES: Record<DomainErrorTag, TRPC_ERROR_CODE_KEY> = {
  "eastwest.NotFound": "NOT_FOUND",
  "eastwest.Invalid": "BAD_REQUEST",
  "eastwest.Unprocessable": "UNPROCESSABLE_CONTENT",
  "eastwest.Conflict": "CONFLICT",
  "eastwest.Forbidden": "FORBIDDEN",
  "eastwest.Unavailable": "PRECONDITION_FAILED",
};

/** The tRPC code of a tagged domain error (recognised by its tag, from any module graph); undefined otherwise. */
export function codeForDomain(cause: unknown): TRPC_ERROR_CODE_KEY | undefined {
  const domain = asDomainError(cause);
  return domain ? CODES[domain.tag] : undefined;
}

const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const code = codeForDomain(result.error.cause);
    if (code) throw new TRPCError({ code, message: result.error.message, cause: result.error.cause });
  }
  return result;
});

/**
 * The role gate: the procedure's declared role against the request's actor, before the procedure's input schema
 * runs (a refused person learns nothing from validation), reading the workspace or namespace from the raw input
 * for the per-workspace check. 401 when not signed in; 403 naming the user, the role needed and the workspace.
 */
const roleGate = t.middleware(async ({ ctx, meta, getRawInput, next }) => {
  const rule: AccessRule = { role: meta?.role ?? "platform-owner", action: meta?.action ?? "this" };
  // A viewer procedure asks nothing of the input (anyone signed in may look): no raw input is read for it.
  const scope: AccessScope = rule.role === "viewer" ? { kind: "fleet" } : scopeOfInput(await getRawInput());
  const decision = await decideAccess(ctx.actor, rule, scope, (s, candidates) => workspaceKeysOf(ctx, s, candidates));
  if (decision.ok) return next();
  if (decision.status === "unauthenticated") throw new TRPCError({ code: "UNAUTHORIZED", message: decision.message });
  throw forbidden(decision.field, decision.message);
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
/** Declares no role: the router walk test refuses any procedure built on it. Use the builders below. */
export const publicProcedure = t.procedure.use(mapErrors);

const gated = publicProcedure.use(roleGate);
/** Anyone signed in (every role may look), and the one person at this machine in mode none. */
export const viewerProcedure = gated.meta({ role: "viewer" });
/** Runs and aborts failover drills: the app-owner role, globally or in a workspace spanning the input's namespace. */
export const appOwnerProcedure = (action: string) => gated.meta({ role: "app-owner", action });
/** Deploys gateways and changes exposure: the platform-owner role, globally or in the input's workspace. */
export const platformOwnerProcedure = (action: string) => gated.meta({ role: "platform-owner", action });
