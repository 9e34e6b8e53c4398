// Writes of the registry controller to one cluster: server-side apply under the field manager
// `eastwest-registry` — forced only when the caller says so (updates of objects proved ours, where the registry
// is the authority: force makes the API server hand it back fields another manager took) — deletes guarded by a
// uid + resourceVersion precondition so an object someone else created under the same name after we observed
// ours is never deleted, and the Events recording repaired drift. Results are data.
import { CoreV1Api, KubernetesObjectApi, PatchStrategy, type KubernetesObject } from "@kubernetes/client-node";
import type { DesiredKind, DesiredObject } from "@/lib/plan/desired";
import { REGISTRY_FIELD_MANAGER } from "@/lib/registry/ownership";
import { classifyWriteError, type WriteFailure } from "./apply-errors";
import { withDeadline } from "./apply-request";
import { driftEventBody, type DriftEvent } from "./drift-event";
import type { ClusterHandle } from "./kubeconfig";

export const FIELD_MANAGER = REGISTRY_FIELD_MANAGER;

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

export function createClusterWriter(handle: ClusterHandle, options: { timeoutMs: number }): ClusterWriter | undefined {
  if (!handle.kubeConfig) return undefined;
  const kc = handle.kubeConfig;
  const api = KubernetesObjectApi.makeApiClient(kc);
  const core = kc.makeApiClient(CoreV1Api);
  return {
    async apply(object, lock, how) {
      const ref = { kind: object.kind, namespace: object.metadata.namespace, name: object.metadata.name };
      const body: KubernetesObject = { ...object, metadata: { ...object.metadata, ...(lock ? { resourceVersion: lock } : {}) } };
      try {
        const written = await withDeadline(kc, options.timeoutMs, (opts) =>
          // The content type is explicit: client-node's default (strategic merge) is rejected by every CRD.
          api.patch(body, undefined, undefined, FIELD_MANAGER, how?.force === true, PatchStrategy.ServerSideApply, opts),
        );
        return { ok: true, resourceVersion: written.metadata?.resourceVersion };
      } catch (err) {
        return { ok: false, ...classifyWriteError(handle.name, describe(ref), err) };
      }
    },
    async delete(ref, precondition) {
      const spec: KubernetesObject = { apiVersion: "networking.istio.io/v1", kind: ref.kind, metadata: { name: ref.name, namespace: ref.namespace } };
      try {
        await withDeadline(kc, options.timeoutMs, (opts) =>
          api.delete(spec, undefined, undefined, undefined, undefined, undefined, { preconditions: precondition }, opts),
        );
        return { ok: true };
      } catch (err) {
        const failure = classifyWriteError(handle.name, describe(ref), err);
        // Already gone is what we wanted.
        return failure.kind === "gone" ? { ok: true } : { ok: false, ...failure };
      }
    },
    async recordDrift(event) {
      const { namespace } = event.object;
      try {
        await withDeadline(kc, options.timeoutMs, (opts) => core.createNamespacedEvent({ namespace, body: driftEventBody(event, new Date()) }, opts));
        return { ok: true };
      } catch (err) {
        return { ok: false, ...classifyWriteError(handle.name, `Event for ${describe(event.object)}`, err) };
      }
    },
  };
}
