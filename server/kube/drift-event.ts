// The Kubernetes Event the registry records when it repairs drift on an object it owns: core/v1 Event in the
// object's namespace, so `kubectl describe` and `kubectl get events` show it beside the object. Events are
// the cluster's own audit trail for controllers (reason + involvedObject), and they expire on their own (the
// API server's event TTL), so the registry keeps no record of them.
import { apiVersionOf } from "./kinds";
import type { WritableObject } from "./object-writer";
import type { ObjectRef } from "./writer";

export const DRIFT_REPAIRED = "DriftRepaired";

export type DriftEvent = {
  object: ObjectRef & { uid?: string };
  /** Managed fields that differed, as paths (`spec.endpoints`). */
  fields: readonly string[];
  /** Who repaired it (the replica's identity), for `reportingInstance`. */
  instance: string;
};

let sequence = 0;

/** The Event as the API takes it (JSON: times as RFC 3339 strings). */
export function driftEventBody(e: DriftEvent, now: Date): WritableObject & Record<string, unknown> {
  const { kind, namespace, name, uid } = e.object;
  // kubectl's and client-go's spelling of event names: `<object>.<unique hex>`; the sequence keeps two repairs
  // of one object within the same millisecond apart.
  const suffix = `${now.getTime().toString(16)}${(sequence++ % 4096).toString(16).padStart(3, "0")}`;
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: `${name.slice(0, 200)}.${suffix}`, namespace },
    involvedObject: { apiVersion: apiVersionOf(kind), kind, namespace, name, ...(uid ? { uid } : {}) },
    reason: DRIFT_REPAIRED,
    message: `${kind} ${namespace}/${name} was edited outside the console (${e.fields.join(", ")}); the registry re-applied what it manages.`,
    type: "Warning",
    source: { component: "eastwest-registry" },
    reportingComponent: "eastwest-registry",
    reportingInstance: e.instance,
    action: "Apply",
    firstTimestamp: now.toISOString(),
    lastTimestamp: now.toISOString(),
    count: 1,
  };
}
