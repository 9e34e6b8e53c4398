// The console's own writes to one cluster, for user actions (deploy a gateway, change a WorkspaceSetting):
// read the live object, server-side apply under the field manager `eastwest-console` (optionally as a
// dry-run, optionally forced), and delete under a uid + resourceVersion precondition. Every call has a
// deadline and every outcome is data (console-outcome.ts).
//
// Kubernetes semantics relied on:
// - Server-side apply (PATCH application/apply-patch+yaml) makes the field manager the owner of exactly the
//   fields it sends; fields it stops sending are removed only if no other manager owns them. A field another
//   manager owns with a different value is a 409 FieldManagerConflict unless `force=true` takes it over —
//   the console forces only when the person chose to.
// - dryRun=All runs admission, validation and the apply merge and answers the object as it would be stored,
//   persisting nothing: the preview's diff is against that, not against our own guess.
// - A delete with preconditions {uid, resourceVersion} fails with 409 if the object was replaced or changed
//   since we read it, so we never delete something we did not inspect.
import { KubernetesObjectApi, PatchStrategy, type KubernetesObject } from "@kubernetes/client-node";
import { FIELD_MANAGER, type Manifest } from "@/lib/manifests/manifest";
import { withDeadline } from "./apply-request";
import { classifyConsoleError, httpStatusOf, type ApplyOutcome, type GetOutcome, type ListOutcome, type LiveObject, type RemoveOutcome } from "./console-outcome";
import type { ClusterHandle } from "./kubeconfig";

export type ConsoleObjectRef = { apiVersion: string; kind: string; namespace?: string; name: string };

export type ConsoleWriter = {
  cluster: string;
  get(ref: ConsoleObjectRef): Promise<GetOutcome>;
  apply(manifest: Manifest, options: { dryRun: boolean; force?: boolean }): Promise<ApplyOutcome>;
  remove(ref: ConsoleObjectRef, precondition: { uid: string; resourceVersion: string }): Promise<RemoveOutcome>;
  /** Objects of one kind in one namespace (e.g. TSB WorkspaceSettings, which name their workspace by annotation). */
  list(ref: { apiVersion: string; kind: string; namespace: string }): Promise<ListOutcome>;
};

export const CONSOLE_WRITE_TIMEOUT_MS = 10_000;

const describe = (r: ConsoleObjectRef) => `${r.kind} ${r.namespace ? `${r.namespace}/` : ""}${r.name}`;

const header = (r: ConsoleObjectRef): KubernetesObject & { metadata: { name: string; namespace?: string } } => ({
  apiVersion: r.apiVersion,
  kind: r.kind,
  metadata: { name: r.name, ...(r.namespace ? { namespace: r.namespace } : {}) },
});

/** client-node turns metadata into classes (dates become Date); the console works on the server's JSON. */
function plain(object: unknown): LiveObject {
  return JSON.parse(JSON.stringify(object)) as LiveObject;
}

export function createConsoleWriter(handle: ClusterHandle, options: { timeoutMs?: number } = {}): ConsoleWriter | undefined {
  const kc = handle.kubeConfig;
  if (!kc) return undefined;
  const api = KubernetesObjectApi.makeApiClient(kc);
  const timeoutMs = options.timeoutMs ?? CONSOLE_WRITE_TIMEOUT_MS;
  const cluster = handle.name;
  return {
    cluster,
    async get(ref) {
      try {
        const object = await withDeadline(kc, timeoutMs, (opts) => api.read(header(ref), undefined, undefined, undefined, opts));
        return { ok: true, object: plain(object) };
      } catch (err) {
        if (httpStatusOf(err) === 404) return { ok: true, object: undefined };
        return { ok: false, ...classifyConsoleError(cluster, describe(ref), err) };
      }
    },
    async apply(manifest, { dryRun, force = false }) {
      const ref = { apiVersion: manifest.apiVersion, kind: manifest.kind, name: manifest.metadata.name, ...(manifest.metadata.namespace ? { namespace: manifest.metadata.namespace } : {}) };
      // A fresh copy: client-node may fill in defaults (e.g. the namespace) on the spec it is given.
      const body = JSON.parse(JSON.stringify(manifest)) as KubernetesObject;
      try {
        const written = await withDeadline(kc, timeoutMs, (opts) =>
          // The content type is explicit: client-node's default (strategic merge) is rejected by every CRD.
          api.patch(body, undefined, dryRun ? "All" : undefined, FIELD_MANAGER, force, PatchStrategy.ServerSideApply, opts),
        );
        return { ok: true, object: plain(written) };
      } catch (err) {
        return { ok: false, ...classifyConsoleError(cluster, describe(ref), err) };
      }
    },
    async remove(ref, precondition) {
      try {
        await withDeadline(kc, timeoutMs, (opts) =>
          api.delete(header(ref), undefined, undefined, undefined, undefined, undefined, { preconditions: precondition }, opts),
        );
        return { ok: true };
      } catch (err) {
        // Already gone is what was asked for.
        if (httpStatusOf(err) === 404) return { ok: true };
        return { ok: false, ...classifyConsoleError(cluster, describe(ref), err) };
      }
    },
    async list(ref) {
      try {
        const found = await withDeadline(kc, timeoutMs, (opts) =>
          api.list(ref.apiVersion, ref.kind, ref.namespace, undefined, undefined, undefined, undefined, undefined, undefined, undefined, opts),
        );
        return { ok: true, objects: found.items.map(plain) };
      } catch (err) {
        return { ok: false, ...classifyConsoleError(cluster, `${ref.kind} in ${ref.namespace}`, err) };
      }
    },
  };
}
