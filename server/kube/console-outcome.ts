// What a write (or read) against one cluster came to, as data: the one classification of a failed call, used by
// the console's and the registry's writers alike (writer.ts projects it onto the registry's retry decisions), so
// the tRPC layer never turns a cluster's answer into a 500. A rejection carries the cluster's own message
// verbatim (admission, validation, a failed precondition, RBAC), because that sentence is what a person can act
// on; an unreachable cluster gets our own sentence (transport errors may quote request details, and never reach
// the browser).
import type { FieldConflict } from "@/lib/manifests/conflicts";
import { interpretApplyConflict } from "@/lib/manifests/conflicts";
import { toClusterError } from "./cluster-error";
import type { Impersonation } from "./impersonation";
import { isKubeHttpError } from "./kube-http";
import { httpStatusOf, parseStatus, type KubeStatus } from "./kube-status";
import { personRefusalMessage } from "./person-refusal";

export type ConsoleFailure =
  | { kind: "conflict"; conflicts: FieldConflict[]; message: string }
  /** `status`: the HTTP status (409 a failed precondition or optimistic lock, 404 not found), when there was one. */
  | { kind: "rejected"; status?: number; message: string }
  | { kind: "unreachable"; message: string };

/** A live object as the API server returned it (plain JSON, managedFields included). */
export type LiveObject = {
  apiVersion?: string;
  kind?: string;
  metadata: { name?: string; namespace?: string; uid?: string; resourceVersion?: string; labels?: Record<string, string>; managedFields?: unknown[] } & Record<string, unknown>;
  [field: string]: unknown;
};

export type GetOutcome = { ok: true; object: LiveObject | undefined } | ({ ok: false } & ConsoleFailure);
export type ApplyOutcome = { ok: true; object: LiveObject } | ({ ok: false } & ConsoleFailure);
export type ListOutcome = { ok: true; objects: LiveObject[] } | ({ ok: false } & ConsoleFailure);
export type RemoveOutcome = { ok: true } | ({ ok: false } & ConsoleFailure);

/** The Status of an error answer: parsed once by kubeRequest, or the JSON text of client-node's ApiException. */
function statusOf(err: unknown): KubeStatus {
  if (isKubeHttpError(err)) return err.status;
  return parseStatus(typeof err === "object" && err !== null ? (err as { body?: unknown }).body : undefined);
}

/**
 * A 404 for an object names it in `details` (name, and the resource as kind); a 404 without a name is the API
 * server not knowing the path at all: the cluster does not serve the kind (its CRD is not installed).
 */
export function isNotServed(err: unknown): boolean {
  return httpStatusOf(err) === 404 && statusOf(err).details?.name === undefined;
}

/** A 404 for the object itself (it does not exist), as opposed to a kind the cluster does not serve. */
export function isObjectNotFound(err: unknown): boolean {
  return httpStatusOf(err) === 404 && !isNotServed(err);
}

/** A call made for a person: who (the impersonation it carried) and its HTTP method. */
export type PersonCall = { who: Impersonation | undefined; method: string };

/**
 * Classifies anything a call to a cluster threw. `what` names the object for our own sentences ("IngressGateway
 * ns/x"). `person`: the call carried a person's identity, so a 403 is said as what they may not do.
 */
export function classifyKubeError(cluster: string, what: string, err: unknown, person?: PersonCall): ConsoleFailure {
  const status = httpStatusOf(err);
  if (status === undefined || status === 401) return { kind: "unreachable", message: toClusterError(cluster, err).message };
  if (isNotServed(err)) {
    return { kind: "rejected", status, message: `${cluster} does not serve ${what.split(" ")[0] ?? what}; install its CRD (or the operator that provides it) first.` };
  }
  const body = statusOf(err);
  const conflict = interpretApplyConflict({ ...body, code: status });
  if (conflict.kind === "conflicts") return { kind: "conflict", conflicts: conflict.conflicts, message: conflict.message };
  if (status === 403 && person?.who) return { kind: "rejected", status, message: personRefusalMessage({ cluster, method: person.method, what }, person.who, body) };
  return { kind: "rejected", status, message: body.message ?? `${cluster} rejected ${what} (HTTP ${status}).` };
}
