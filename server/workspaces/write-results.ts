// Outcomes of the console writer as the contract's data: a dry-run verdict for previews, a per-cluster
// WriteResult for applies and removals. A cluster without a usable writer is unreachable, never a 500. A write
// made for a person that the cluster's RBAC refused (403) is the request's answer, not data: forbidden, 403.
import type { ObjectDiff, DryRun, WriteResult } from "@/lib/workspace-view/types";
import { diffManifest } from "@/lib/manifests/diff";
import type { Actor } from "@/server/auth/identity";
import { forbidden } from "@/server/errors";
import type { ApplyOutcome, ConsoleFailure, LiveObject } from "@/server/kube/console-outcome";

export function noWriter(cluster: string): ConsoleFailure {
  return { kind: "unreachable", message: `The console has no usable credentials for ${cluster}; check its kubeconfig context.` };
}

export function dryRunOf(outcome: ApplyOutcome | ({ ok: false } & ConsoleFailure)): DryRun {
  if (outcome.ok) return { ok: true };
  if (outcome.kind === "conflict") return { ok: false, kind: "conflict", conflicts: outcome.conflicts, message: outcome.message };
  return { ok: false, kind: outcome.kind, message: outcome.message };
}

export function writeResultOf(cluster: string, outcome: { ok: true } | ({ ok: false } & ConsoleFailure)): WriteResult {
  if (outcome.ok) return { cluster, ok: true };
  if (outcome.kind === "conflict") return { cluster, ok: false, kind: "conflict", message: outcome.message, conflicts: outcome.conflicts };
  return { cluster, ok: false, kind: outcome.kind, message: outcome.message };
}

/**
 * Live vs what the apply would store. For an existing object the server's dry-run answer is the truth (it
 * keeps fields other managers own); the bare manifest is right only for a create.
 */
export function objectDiff(live: LiveObject | undefined, manifest: object, dryRunObject: LiveObject | undefined): ObjectDiff {
  return diffManifest(live, live !== undefined && dryRunObject !== undefined ? dryRunObject : manifest);
}

/** The cluster's refusal (403: its RBAC said no to the person, or to the console impersonating them), if it was one. */
export function refusalOf(outcome: { ok: true } | ({ ok: false } & ConsoleFailure)): string | undefined {
  return !outcome.ok && outcome.kind === "rejected" && outcome.status === 403 ? outcome.message : undefined;
}

/** Throws forbidden (403) on `field` when the cluster refused; nothing was written. */
export function throwIfRefused<O extends { ok: true } | ({ ok: false } & ConsoleFailure)>(field: string, outcome: O): O {
  const refusal = refusalOf(outcome);
  if (refusal !== undefined) throw forbidden(field, refusal);
  return outcome;
}

/**
 * Who a coalesced write runs as, for its in-flight key: two people's identical clicks are two writes (each
 * authorized by the cluster for its own person, each audited), never one shared answer.
 */
export function actorKey(actor: Actor | undefined): string {
  const identity = actor?.identity;
  return identity ? JSON.stringify([identity.user, [...identity.groups].sort()]) : "";
}
