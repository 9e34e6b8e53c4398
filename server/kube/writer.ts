// The registry controller's writes to one cluster: the one writer (object-writer.ts) under the field manager
// `eastwest-registry` — forced only when the caller says so (updates of objects proved ours, where the registry
// is the authority: force makes the API server hand it back fields another manager took) — deletes guarded by a
// uid + resourceVersion precondition so an object someone else created under the same name after we observed
// ours is never deleted, and the Events recording repaired drift. The one classification of a failure is read
// here as what the registry does next: retry soon, re-observe, or report it to a person.
import type { DesiredKind, DesiredObject } from "@/lib/plan/desired";
import { REGISTRY_FIELD_MANAGER } from "@/lib/registry/ownership";
import type { ConsoleFailure } from "./console-outcome";
import { driftEventBody, type DriftEvent } from "./drift-event";
import { apiVersionOf } from "./kinds";
import type { ClusterHandle } from "./kubeconfig";
import { createObjectWriter } from "./object-writer";

export const FIELD_MANAGER = REGISTRY_FIELD_MANAGER;

export type WriteFailure = {
  kind: "conflict" | "stale-precondition" | "gone" | "rejected" | "unreachable";
  message: string;
};

export type WriteOutcome = { ok: true; resourceVersion?: string } | ({ ok: false } & WriteFailure);

export type ObjectRef = { kind: DesiredKind; namespace: string; name: string };

export type ClusterWriter = {
  /** `lock`: the resourceVersion we based the change on (optimistic concurrency); absent for creates. */
  apply(object: DesiredObject, lock?: string, options?: { force?: boolean }): Promise<WriteOutcome>;
  delete(ref: ObjectRef, precondition: { uid: string; resourceVersion: string }): Promise<WriteOutcome>;
  /** Records repaired drift as a Kubernetes Event (writers that cannot, e.g. benchmark wrappers, omit it). */
  recordDrift?(event: DriftEvent): Promise<WriteOutcome>;
};

const describe = (r: ObjectRef) => `${r.kind} ${r.namespace}/${r.name}`;

/**
 * A 409 that is not a field-manager conflict is a failed precondition or optimistic lock (the object changed
 * since we observed it: re-observe and decide again); a 404 means it no longer exists.
 */
export function registryFailure(cluster: string, what: string, failure: ConsoleFailure): WriteFailure {
  if (failure.kind === "conflict") {
    const fields = failure.conflicts.map((c) => `${c.field} (${c.manager})`).join("; ");
    return { kind: "conflict", message: `${what} in ${cluster}: another field manager owns ${fields}; the registry does not force it. Resolve the ownership or remove the other writer.` };
  }
  if (failure.kind === "rejected" && failure.status === 409) return { kind: "stale-precondition", message: `${what} in ${cluster} changed since it was observed; it will be re-read.` };
  if (failure.kind === "rejected" && failure.status === 404) return { kind: "gone", message: `${what} in ${cluster} no longer exists.` };
  return { kind: failure.kind, message: failure.message };
}

export function createClusterWriter(handle: ClusterHandle, options: { timeoutMs: number }): ClusterWriter | undefined {
  const writer = createObjectWriter(handle, { fieldManager: FIELD_MANAGER, timeoutMs: options.timeoutMs });
  if (!writer) return undefined;
  const failed = (what: string, failure: ConsoleFailure): WriteOutcome => ({ ok: false, ...registryFailure(handle.name, what, failure) });
  return {
    async apply(object, lock, how) {
      const outcome = await writer.apply(object, { force: how?.force === true, ...(lock ? { lock } : {}) });
      return outcome.ok ? { ok: true, resourceVersion: outcome.object.metadata.resourceVersion } : failed(describe({ kind: object.kind, ...object.metadata }), outcome);
    },
    async delete(ref, precondition) {
      const outcome = await writer.remove({ apiVersion: apiVersionOf(ref.kind), ...ref }, precondition);
      return outcome.ok ? { ok: true } : failed(describe(ref), outcome);
    },
    async recordDrift(event) {
      const outcome = await writer.create(driftEventBody(event, new Date()));
      return outcome.ok ? { ok: true } : failed(`Event for ${describe(event.object)}`, outcome);
    },
  };
}
