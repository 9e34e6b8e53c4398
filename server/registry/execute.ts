// Carries out one cluster's actions through its writer, a few at a time (and, with a budget, within the writes
// the whole fleet may have in flight). Leadership is checked before *each*
// write, so a replica that loses the Lease stops mid-batch. Recently written content is remembered for a short
// while (./expectations.ts), so a resync that runs before the cache has seen our own write does not write the
// same thing again. An expectation is for one content *on one live version*: a hand edit makes a new
// resourceVersion, so drift is repaired at once rather than after the expectation ends.
// A repaired drift is recorded as a Kubernetes Event on the object and logged.
import { CONTENT_HASH_ANNOTATION } from "@/lib/plan/desired";
import type { RegistryAction, RegistryCondition } from "@/lib/registry/types";
import type { ClusterWriter, WriteOutcome } from "@/server/kube/writer";
import type { Expectations } from "./expectations";

export type ExecuteResult = { applied: number; deleted: number; failed: number; repaired: number; retry: boolean; conditions: RegistryCondition[] };

/** Runs `run` once one of a limited number of slots is free (p-limit's limit function). */
export type Limit = <T>(run: () => Promise<T>) => Promise<T>;

export type ExecuteDeps = {
  writer: ClusterWriter;
  canWrite: () => boolean;
  expectations: Expectations;
  /** This cluster's writes in flight. */
  concurrency: number;
  /** Shared by every cluster's passes: the writes in flight across the fleet. */
  budget?: Limit;
  now: () => number;
  /** The replica's identity (the Event's reportingInstance). */
  identity?: string;
  log?: (line: string) => void;
};

const keyOf = (a: RegistryAction) => `${a.cluster}|${a.kind}|${a.namespace}/${a.name}`;
const tokenOf = (a: RegistryAction) => (a.action === "delete" ? "deleted" : `${a.object?.metadata.annotations[CONTENT_HASH_ANNOTATION] ?? ""}@${a.observed?.resourceVersion ?? ""}`);

function write(deps: ExecuteDeps, a: RegistryAction): Promise<WriteOutcome> {
  if (a.action === "apply" && a.object) return deps.writer.apply(a.object, a.observed?.resourceVersion, { force: a.force === true });
  if (a.action === "delete" && a.observed) return deps.writer.delete({ kind: a.kind, namespace: a.namespace, name: a.name }, a.observed);
  return Promise.resolve({ ok: true });
}

/** A repaired drift: an Event on the object in its cluster (best effort: the repair itself already happened), and a log line. */
async function reportDrift(deps: ExecuteDeps, a: RegistryAction, fields: string[]): Promise<void> {
  const id = `${a.kind} ${a.namespace}/${a.name}`;
  deps.log?.(`registry: ${a.cluster}: repaired drift of ${id} (${fields.join(", ")} had been edited outside the console)`);
  const object = { kind: a.kind, namespace: a.namespace, name: a.name, ...(a.observed ? { uid: a.observed.uid } : {}) };
  const outcome = await deps.writer.recordDrift?.({ object, fields, instance: deps.identity ?? "single" });
  if (outcome && !outcome.ok) deps.log?.(`registry: ${a.cluster}: could not record the DriftRepaired event for ${id}: ${outcome.message}`);
}

function record(result: ExecuteResult, a: RegistryAction, outcome: WriteOutcome): void {
  if (outcome.ok) {
    if (a.action === "apply") result.applied++;
    else result.deleted++;
    return;
  }
  result.failed++;
  // Unreachable or changed-under-us: retry soon with backoff. A field-manager conflict or a rejection needs a
  // person: show it, and try again only at the next resync.
  if (outcome.kind === "unreachable" || outcome.kind === "stale-precondition") result.retry = true;
  const reason = outcome.kind === "conflict" ? "ApplyConflict" : "WriteFailed";
  result.conditions.push({ severity: outcome.kind === "stale-precondition" ? "info" : "error", reason, cluster: a.cluster, subject: `${a.kind} ${a.namespace}/${a.name}`, message: outcome.message });
}

export async function executeActions(actions: readonly RegistryAction[], deps: ExecuteDeps): Promise<ExecuteResult> {
  const result: ExecuteResult = { applied: 0, deleted: 0, failed: 0, repaired: 0, retry: false, conditions: [] };
  const now = deps.now();
  const pending = actions.filter((a) => !deps.expectations.holds(keyOf(a), tokenOf(a), now));
  let next = 0;
  const worker = async () => {
    for (let a = pending[next++]; a; a = pending[next++]) {
      if (!deps.canWrite()) return;
      // Leadership is checked again once a slot is free: the wait for one can outlast the Lease.
      const outcome = await (deps.budget ? deps.budget(() => (deps.canWrite() ? write(deps, a) : Promise.resolve(undefined))) : write(deps, a));
      if (!outcome) return;
      // An unverified write (kind not observed) cannot be confirmed by the cache: its expectation never expires.
      if (outcome.ok) deps.expectations.remember(keyOf(a), tokenOf(a), deps.now(), a.unverified === true);
      else deps.expectations.forget(keyOf(a));
      record(result, a, outcome);
      if (outcome.ok && a.drift && a.drift.length > 0) {
        result.repaired++;
        await reportDrift(deps, a, a.drift);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.concurrency) }, worker));
  return result;
}
