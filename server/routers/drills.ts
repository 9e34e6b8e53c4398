// Router `drills` (contract: server/drills/types.ts): list, detail, plan, start and abort failover drills, and a
// change subscription. Thin: validate the input, call the drill service from the context, map refusals to 4xx.
// Inputs are bounded: names as Kubernetes names, maxDuration as the CRD's Go-duration pattern with a length cap and
// the 15-minute cap (lib/drills/duration.ts, the runner's own check), filters as the contract's enums.
import { tracked } from "@trpc/server";
import { z } from "zod";
import { drillDurationSeconds } from "@/lib/drills/duration";
import { DRILL_FAULTS, DRILL_PHASES, drillVerdictSchema, stopConditionSchema } from "@/lib/drills/schema";
import { clusterNameSchema } from "@/lib/fleet-schema";
import { isDnsSubdomain } from "@/lib/names/dns";
import { quoted } from "@/lib/validation/bounded-text";
import { dnsLabelSchema } from "@/lib/validation/dns-name";
import { MAX_EVENT_ID_LENGTH, MAX_NAME_LENGTH } from "@/lib/validation/limits";
import type { DrillCaller, DrillRefusal, DrillService } from "@/server/drills/types";
import { changedVersions } from "@/server/http/change-pulses";
import { conflict, forbidden, invalidInput, notFound, unavailable } from "@/server/errors";
import { appOwnerProcedure, createTRPCRouter, viewerProcedure, type Context } from "@/server/trpc";

/** The CRD's pattern for spec.maxDuration (deploy/crds/failoverdrills.eastwest.dev.yaml): a Go duration. */
const GO_DURATION = /^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/;
/** Longer than any duration under the cap needs ("14m59s999ms"): a bound on the input, not the cap. */
const MAX_DURATION_CHARS = 32;

const cluster = clusterNameSchema;
const namespace = dnsLabelSchema("namespace");
const service = dnsLabelSchema("service");
const maxDuration = z
  .string({ error: "maxDuration must be a string" })
  .max(MAX_DURATION_CHARS, { error: `maxDuration is longer than ${MAX_DURATION_CHARS} characters` })
  .refine((v) => GO_DURATION.test(v), { error: (issue) => `maxDuration ${quoted(String(issue.input))} is not a duration such as 90s or 2m` })
  // The cap, checked where the runner checks a drill applied with kubectl (lib/drills/duration.ts): one rule.
  .superRefine((v, ctx) => {
    const checked = drillDurationSeconds(v);
    if (!checked.ok) ctx.addIssue({ code: "custom", message: checked.message });
  });
/** A drill's object name: a DNS-1123 subdomain (the rule for a custom resource's name). */
const drillName = z
  .string({ error: "name is required" })
  .max(MAX_NAME_LENGTH, { error: `name is longer than ${MAX_NAME_LENGTH} characters` })
  .refine(isDnsSubdomain, { error: (issue) => `name ${quoted(String(issue.input))} is not a Kubernetes object name` });

const drillRefSchema = z.object({ cluster, namespace, name: drillName });
const drillInputSchema = z.object({
  cluster,
  namespace,
  service,
  fault: z.enum(DRILL_FAULTS, { error: `fault must be one of ${DRILL_FAULTS.join(", ")}` }).default("ScaleToZero"),
  maxDuration: maxDuration.default("2m"),
  stopCondition: stopConditionSchema.optional(),
});
const drillFilterSchema = z
  .object({
    cluster: cluster.optional(),
    namespace: namespace.optional(),
    service: service.optional(),
    phase: z.enum(DRILL_PHASES, { error: `phase must be one of ${DRILL_PHASES.join(", ")}` }).optional(),
    verdict: drillVerdictSchema.optional(),
  })
  .default({});
const changeInputSchema = z
  .object({ lastEventId: z.string({ error: "lastEventId must be a string" }).max(MAX_EVENT_ID_LENGTH, { error: `lastEventId is longer than ${MAX_EVENT_ID_LENGTH} characters` }).nullish() })
  .optional();

/** Each refusal's HTTP meaning: bad input 400, an unknown name 404, a drill in the way 409, a state of the fleet 412. */
const REFUSAL_ERRORS: Readonly<Record<DrillRefusal["code"], (field: string, message: string) => Error>> = {
  "duration-too-long": (field, message) => invalidInput([{ field, message }]),
  "unknown-cluster": notFound,
  "unknown-service": notFound,
  "not-found": notFound,
  "already-running": conflict,
  finished: conflict,
  "stale-cluster": (field, message) => unavailable(message, field),
  "no-local-workload": (field, message) => unavailable(message, field),
  "not-opted-in": (field, message) => unavailable(message, field),
  "fault-unsupported": (field, message) => unavailable(message, field),
  "crd-missing": (field, message) => unavailable(message, field),
  "no-failover-target": (field, message) => unavailable(message, field),
  forbidden,
};

/** A refusal as the tagged domain error (server/errors.ts) whose answer names the field; server/trpc.ts maps the code. */
export function refusalError(refusal: DrillRefusal, fallbackField: string): Error {
  return REFUSAL_ERRORS[refusal.code](refusal.field ?? fallbackField, refusal.message);
}

/** The drill service, or a 412 saying why there is none (a console started without the runner). */
function drillsOf(ctx: Context): DrillService {
  if (!ctx.drills) throw unavailable("Failover drills are not available: the drill runner is not running in this console.");
  return ctx.drills;
}

/** Who writes the drill (impersonated, audited); absent fields in mode none: the console's own credentials. */
const callerOf = (ctx: Context): DrillCaller => ({ actor: ctx.actor, audit: ctx.audit });

/** Per process: a reconnect to a restarted console (whose version counts from 0 again) always hears a change. */
const EPOCH = Date.now().toString(36);

/** The service's version as an event id, sent when it differs from the last one sent (or the browser's lastEventId). */
function drillChanges(drills: DrillService, lastEventId: string | null | undefined, signal: AbortSignal | undefined) {
  return changedVersions({
    subscribe: (listener) => drills.onChange(listener),
    read: () => {
      const version = drills.version();
      return { id: `${EPOCH}.${version}`, version };
    },
    key: (change) => change.id,
    lastEventId,
    signal,
  });
}

export const drillsRouter = createTRPCRouter({
  /** Drills across the fleet, newest first as the service orders them; clusters whose drills cannot be read now. */
  list: viewerProcedure.input(drillFilterSchema).query(({ ctx, input }) => drillsOf(ctx).list(input)),
  /** One drill with its spec and status (timeline, figures, served-by, conditions). */
  get: viewerProcedure.input(drillRefSchema).query(({ ctx, input }) => {
    const drill = drillsOf(ctx).get(input);
    if (!drill) throw notFound("name", `No drill ${quoted(input.name)} in ${input.namespace} on ${input.cluster}.`);
    return drill;
  }),
  /**
   * What a drill would do, for the confirmation. A refusal is part of the answer ({ ok: false, refusal }), as a
   * preview's dry-run failure is: the dialog shows it in place. Malformed input is still a 400.
   */
  plan: appOwnerProcedure("planning a failover drill").input(drillInputSchema).query(({ ctx, input }) => drillsOf(ctx).plan(input, { actor: ctx.actor })),
  /** Creates the FailoverDrill (which starts it); a refusal is a 4xx naming the field and nothing is written. */
  start: appOwnerProcedure("starting a failover drill").input(drillInputSchema).mutation(async ({ ctx, input }) => {
    const started = await drillsOf(ctx).start(input, callerOf(ctx));
    if (!started.ok) throw refusalError(started.refusal, "service");
    return started.ref;
  }),
  /** Sets spec.abort: the runner restores at once. A finished or unknown drill is refused. */
  abort: appOwnerProcedure("aborting a failover drill").input(drillRefSchema).mutation(async ({ ctx, input }) => {
    const aborted = await drillsOf(ctx).abort(input, callerOf(ctx));
    if (!aborted.ok) throw refusalError(aborted.refusal, "name");
    return { ok: true as const };
  }),
  /** Live: the drills' version over SSE, sent when any drill changed; tracked by it, so a reconnect resumes. */
  onChange: viewerProcedure.input(changeInputSchema).subscription(async function* ({ ctx, input, signal }) {
    for await (const change of drillChanges(drillsOf(ctx), input?.lastEventId, signal)) {
      yield tracked(change.id, { version: change.version });
    }
  }),
});
