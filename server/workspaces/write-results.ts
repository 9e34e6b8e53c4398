// Outcomes of the console writer as the contract's data: a dry-run verdict for previews, a per-cluster
// WriteResult for applies and removals. A cluster without a usable writer is unreachable, never a 500.
import type { ObjectDiff, DryRun, WriteResult } from "@/lib/workspace-view/types";
import { diffManifest } from "@/lib/manifests/diff";
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
