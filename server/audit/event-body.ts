// The audit Event of one console write: a core/v1 Event on the object (involvedObject), so `kubectl describe` and
// `kubectl get events` show it beside the object, with reportingComponent `eastwest-console` (a field label of
// core/v1 Event, so the reader selects the console's Events server-side) and the who/what/from-where both as a
// sentence (message) and as one JSON annotation the reader parses (audit-record.ts). core/v1 rather than
// events.k8s.io/v1: every API server serves it, both APIs store the same objects, and the lab serves core/v1.
// Events expire after the API server's event TTL (one hour by default); the log line is the lasting record.
import type { WritableObject } from "@/server/kube/object-writer";
import { FIELD_MANAGER } from "@/lib/manifests/manifest";
import type { AuditEntry, AuditVerb } from "./types";
import { auditReason, auditSentence } from "./words";

/** Who reports the Events (the field manager's name): the reader selects on it. */
export const AUDIT_COMPONENT = FIELD_MANAGER;
/** The annotation holding the entry as JSON (audit-record.ts reads it). */
export const AUDIT_ANNOTATION = "eastwest.dev/audit";
/** A label too, so `kubectl get events -l eastwest.dev/audit` lists the console's audit trail. */
export const AUDIT_LABEL = "eastwest.dev/audit";

/** Bounds: an Event's message is shown in one line of kubectl; group lists and details come from outside. */
const MAX_DETAIL = 300;
const MAX_GROUPS = 20;
const MAX_TEXT = 253;

const ACTIONS: Readonly<Record<AuditVerb, string>> = { apply: "Apply", create: "Create", patch: "Patch", delete: "Delete", "start-drill": "StartDrill", "abort-drill": "AbortDrill" };

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** The entry's structured part, as stored in the annotation: no token, cookie or header value, bounded. */
export function auditFacts(entry: AuditEntry) {
  const identity = entry.actor?.identity;
  return {
    v: 1 as const,
    mode: entry.actor?.mode ?? ("none" as const),
    ...(identity ? { user: cut(identity.user, MAX_TEXT), groups: identity.groups.slice(0, MAX_GROUPS).map((g) => cut(g, MAX_TEXT)) } : {}),
    ...(entry.actor?.address ? { address: cut(entry.actor.address, MAX_TEXT) } : {}),
    cluster: entry.cluster,
    verb: entry.verb,
    outcome: entry.outcome,
    ...(entry.detail ? { detail: cut(entry.detail, MAX_DETAIL) } : {}),
  };
}

let sequence = 0;

/**
 * The Event as the API takes it. A cluster-scoped object's Events live in `default` (as the kubelet's Node Events
 * do) and name no namespace in involvedObject: the API server refuses an involvedObject namespace that differs
 * from the Event's own.
 */
export function auditEventBody(entry: AuditEntry, options: { now: Date; instance: string }): WritableObject & Record<string, unknown> {
  const { apiVersion, kind, namespace, name, uid } = entry.object;
  const facts = auditFacts(entry);
  // kubectl's and client-go's spelling of Event names: `<object>.<unique hex>`; the sequence keeps two writes of one
  // object in the same millisecond apart.
  const suffix = `${options.now.getTime().toString(16)}${(sequence++ % 4096).toString(16).padStart(3, "0")}`;
  const at = options.now.toISOString();
  const message = auditSentence({ user: facts.user, mode: facts.mode, address: facts.address, verb: entry.verb, outcome: entry.outcome, object: entry.object, cluster: entry.cluster, ...(facts.detail ? { detail: facts.detail } : {}) });
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: {
      name: `${name.slice(0, 200)}.${suffix}`,
      namespace: namespace ?? "default",
      labels: { [AUDIT_LABEL]: entry.outcome },
      annotations: { [AUDIT_ANNOTATION]: JSON.stringify(facts) },
    },
    involvedObject: { apiVersion, kind, name, ...(namespace ? { namespace } : {}), ...(uid ? { uid } : {}) },
    reason: auditReason(entry.verb, entry.outcome),
    message,
    type: entry.outcome === "ok" ? "Normal" : "Warning",
    source: { component: AUDIT_COMPONENT },
    reportingComponent: AUDIT_COMPONENT,
    reportingInstance: options.instance,
    action: ACTIONS[entry.verb],
    firstTimestamp: at,
    lastTimestamp: at,
    count: 1,
  };
}
