// One audit Event read back (server/kube/audit-events.ts lists them), as the Activity panel and the drill page show
// it: who, from where, what, on which object, how it ended, when. The structured part comes from the Event's
// annotation (event-body.ts writes it); an Event of the console without one (another version's, or one edited by
// hand) is skipped rather than guessed from its sentence. Pure; the types are safe in a browser bundle.
import { z } from "zod";
import { AUTH_MODES, type AuthMode } from "@/server/auth/identity";
import { AUDIT_ANNOTATION } from "./event-body";
import { AUDIT_OUTCOMES, AUDIT_VERBS, type AuditObject, type AuditOutcome, type AuditVerb } from "./types";

export type AuditRecord = {
  /** The Event's uid (or namespace/name): a stable key for a list. */
  id: string;
  cluster: string;
  /** ISO time of the write; null when the Event carries none. */
  at: string | null;
  verb: AuditVerb;
  outcome: AuditOutcome;
  object: AuditObject;
  /** Undefined: the console's own user (mode none). */
  user: string | undefined;
  mode: AuthMode;
  address: string | undefined;
  detail: string | undefined;
  /** The Event's sentence, as `kubectl describe` shows it. */
  message: string;
};

const text = z.string().max(1_000);
const factsSchema = z.object({
  v: z.literal(1),
  mode: z.enum(AUTH_MODES),
  user: text.optional(),
  address: text.optional(),
  cluster: text,
  verb: z.enum(AUDIT_VERBS),
  outcome: z.enum(AUDIT_OUTCOMES),
  detail: text.optional(),
});

const eventSchema = z.object({
  metadata: z.object({ uid: z.string().optional(), namespace: z.string().optional(), name: z.string(), annotations: z.record(z.string(), z.string()).optional(), creationTimestamp: z.string().optional() }),
  involvedObject: z.object({ apiVersion: z.string().catch(""), kind: z.string(), namespace: z.string().optional(), name: z.string(), uid: z.string().optional() }),
  message: z.string().catch(""),
  firstTimestamp: z.string().nullish().catch(undefined),
  eventTime: z.string().nullish().catch(undefined),
});

function factsOf(annotation: string | undefined) {
  if (annotation === undefined) return undefined;
  try {
    const parsed = factsSchema.safeParse(JSON.parse(annotation));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The record of one listed Event of `cluster`; undefined for anything that is not one of the console's audit Events. */
export function toAuditRecord(cluster: string, raw: unknown): AuditRecord | undefined {
  const event = eventSchema.safeParse(raw);
  if (!event.success) return undefined;
  const e = event.data;
  const facts = factsOf(e.metadata.annotations?.[AUDIT_ANNOTATION]);
  // The cluster is where the Event was read: an annotation naming another one was copied, not written here.
  if (!facts || facts.cluster !== cluster) return undefined;
  const { apiVersion, kind, namespace, name, uid } = e.involvedObject;
  return {
    id: e.metadata.uid ?? `${e.metadata.namespace ?? ""}/${e.metadata.name}`,
    cluster,
    at: e.firstTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp ?? null,
    verb: facts.verb,
    outcome: facts.outcome,
    object: { apiVersion, kind, name, ...(namespace ? { namespace } : {}), ...(uid ? { uid } : {}) },
    user: facts.user,
    mode: facts.mode,
    address: facts.address,
    detail: facts.detail,
    message: e.message.slice(0, 1_000),
  };
}

const millis = (iso: string | null) => {
  const at = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isNaN(at) ? -Infinity : at;
};

/** Newest first; records without a time go last; ties keep a stable order by id. */
export function newestRecordsFirst(records: readonly AuditRecord[]): AuditRecord[] {
  return [...records].sort((a, b) => millis(b.at) - millis(a.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
