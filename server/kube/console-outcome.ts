// What a console write (or read) against one cluster came to, as data the UI can show: the tRPC layer never
// turns a cluster's answer into a 500. A rejection carries the cluster's own message verbatim (admission,
// validation, a failed precondition), because that sentence is what a person can act on; an unreachable
// cluster gets our own sentence (transport errors may quote request details, and never reach the browser).
import type { FieldConflict } from "@/lib/manifests/conflicts";
import { interpretApplyConflict } from "@/lib/manifests/conflicts";
import { toClusterError } from "./cluster-error";

export type ConsoleFailure =
  | { kind: "conflict"; conflicts: FieldConflict[]; message: string }
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

function parseBody(body: unknown): unknown {
  if (typeof body !== "string") return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** The HTTP status of a client-node ApiException (a number in `code`); system errors carry a string code. */
export function httpStatusOf(err: unknown): number | undefined {
  const code = typeof err === "object" && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === "number" && code >= 100 && code < 600 ? code : undefined;
}

function statusMessage(body: unknown): string | undefined {
  const message = typeof body === "object" && body !== null ? (body as { message?: unknown }).message : undefined;
  return typeof message === "string" && message !== "" ? message : undefined;
}

/** Classifies anything a client-node call threw. `what` names the object for our own sentences. */
export function classifyConsoleError(cluster: string, what: string, err: unknown): ConsoleFailure {
  const status = httpStatusOf(err);
  if (status === undefined) {
    // client-node throws a plain Error when discovery does not list the kind: the cluster lacks the CRD.
    if (err instanceof Error && err.message.startsWith("Unrecognized API version and kind")) {
      return { kind: "rejected", message: `${cluster} does not serve ${what.split(" ")[0] ?? what}; install its CRD (or the operator that provides it) first.` };
    }
    return { kind: "unreachable", message: toClusterError(cluster, err).message };
  }
  if (status === 401) return { kind: "unreachable", message: toClusterError(cluster, err).message };
  const body = parseBody((err as { body?: unknown }).body);
  const conflict = interpretApplyConflict(body);
  if (conflict.kind === "conflicts") return { kind: "conflict", conflicts: conflict.conflicts, message: conflict.message };
  return { kind: "rejected", status, message: statusMessage(body) ?? `${cluster} rejected ${what} (HTTP ${status}).` };
}
