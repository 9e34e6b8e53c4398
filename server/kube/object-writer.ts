// The one writer to a cluster, for the console (field manager `eastwest-console`: user actions such as deploying
// a gateway) and the registry (`eastwest-registry`, through writer.ts): read, server-side apply (optionally as a
// dry-run, optionally forced, optionally locked to a resourceVersion), delete under a precondition, list one
// namespace, create. Every call has a deadline and every outcome is data (console-outcome.ts). Made for a person
// (`impersonate`), its writes — dry-runs included, which the API server authorizes like the write itself — act as
// that person (impersonation.ts), and reads do too when `impersonateReads`. Paths come from
// the kinds table, so no call ever asks the API server where a kind lives: a preview costs its own requests
// and nothing else. Made once per cluster (callers keep it per KubeConfig: server/registry/handle-pool.ts).
//
// Kubernetes semantics relied on:
// - Server-side apply (PATCH application/apply-patch+yaml; JSON is YAML) makes the field manager the owner of
//   exactly the fields it sends; fields it stops sending are removed only if no other manager owns them. A
//   field another manager owns with a different value is a 409 FieldManagerConflict unless `force=true` takes
//   it over. A `metadata.resourceVersion` in the body makes the apply fail with 409 if the object changed.
// - dryRun=All runs admission, validation and the apply merge and answers the object as it would be stored,
//   persisting nothing.
// - A delete with preconditions {uid, resourceVersion} fails with 409 if the object was replaced or changed
//   since we read it, so we never delete something we did not inspect.
import { classifyKubeError, isObjectNotFound, type ApplyOutcome, type GetOutcome, type ListOutcome, type LiveObject, type RemoveOutcome } from "./console-outcome";
import { withDeadline } from "./deadline";
import { impersonationProblem, type Impersonation } from "./impersonation";
import { kubeRequest, type KubeRequest } from "./kube-http";
import { listAll } from "./kube-list";
import { objectPath, type ObjectLocation } from "./kinds";
import type { ClusterHandle } from "./kubeconfig";

export type ObjectRef = { apiVersion: string; kind: string; namespace?: string; name: string };
export type WritableObject = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } & Record<string, unknown> };
export type ApplyOptions = { dryRun?: boolean; force?: boolean; lock?: string };

export type ObjectWriter = {
  cluster: string;
  get(ref: ObjectRef): Promise<GetOutcome>;
  apply(object: WritableObject, options: ApplyOptions): Promise<ApplyOutcome>;
  remove(ref: ObjectRef, precondition: { uid: string; resourceVersion: string }): Promise<RemoveOutcome>;
  /** Objects of one kind in one namespace (e.g. TSB WorkspaceSettings, which name their workspace by annotation). */
  list(ref: { apiVersion: string; kind: string; namespace: string }): Promise<ListOutcome>;
  /** POST a new object (a Kubernetes Event). */
  create(object: WritableObject): Promise<ApplyOutcome>;
};

const describe = (r: ObjectLocation) => `${r.kind} ${r.namespace ? `${r.namespace}/` : ""}${r.name ?? ""}`;
const refOf = (o: WritableObject): ObjectRef => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}) });

/** A kind missing from the table is our own mistake, said as a rejection rather than thrown. */
const unknownKind = (cluster: string, at: ObjectLocation) => ({ ok: false as const, kind: "rejected" as const, message: `The console has no API path for ${at.kind} (${at.apiVersion}) in ${cluster}.` });

export type ObjectWriterOptions = {
  fieldManager: string;
  timeoutMs: number;
  /** Writes act as this person; absent: the console's own credentials. */
  impersonate?: Impersonation;
  /** Reads (get, list) act as the person too (EASTWEST_IMPERSONATE_READS). */
  impersonateReads?: boolean;
};

/** Every call refused (403, saying why) before anything is sent: an identity that must not be impersonated. */
function refusingWriter(cluster: string, message: string): ObjectWriter {
  const no = async () => ({ ok: false as const, kind: "rejected" as const, status: 403, message });
  return { cluster, get: no, apply: no, remove: no, list: no, create: no };
}

export function createObjectWriter(handle: ClusterHandle, options: ObjectWriterOptions): ObjectWriter | undefined {
  const kc = handle.kubeConfig;
  if (!kc) return undefined;
  const { fieldManager, timeoutMs, impersonate: who } = options;
  const cluster = handle.name;
  const problem = who && impersonationProblem(who);
  if (problem) return refusingWriter(cluster, problem);
  const reader = options.impersonateReads ? who : undefined;
  const actingAs = (method: string) => (method === "GET" ? reader : who);
  const send = (request: KubeRequest) => {
    const as = actingAs(request.method);
    return withDeadline(timeoutMs, (signal) => kubeRequest(kc, as ? { ...request, impersonate: as } : request, signal)) as Promise<LiveObject>;
  };
  const failure = (what: string, err: unknown, method: string) => classifyKubeError(cluster, what, err, { who: actingAs(method), method });
  return {
    cluster,
    async get(ref) {
      const path = objectPath(ref);
      if (!path) return unknownKind(cluster, ref);
      try {
        return { ok: true, object: await send({ method: "GET", path }) };
      } catch (err) {
        if (isObjectNotFound(err)) return { ok: true, object: undefined };
        return { ok: false, ...failure(describe(ref), err, "GET") };
      }
    },
    async apply(object, { dryRun = false, force = false, lock }) {
      const ref = refOf(object);
      const path = objectPath(ref);
      if (!path) return unknownKind(cluster, ref);
      const body = lock ? { ...object, metadata: { ...object.metadata, resourceVersion: lock } } : object;
      const query = { fieldManager, ...(force ? { force: "true" } : {}), ...(dryRun ? { dryRun: "All" } : {}) };
      try {
        return { ok: true, object: await send({ method: "PATCH", path, query, body, contentType: "application/apply-patch+yaml" }) };
      } catch (err) {
        return { ok: false, ...failure(describe(ref), err, "PATCH") };
      }
    },
    async remove(ref, precondition) {
      const path = objectPath(ref);
      if (!path) return unknownKind(cluster, ref);
      try {
        await send({ method: "DELETE", path, body: { apiVersion: "v1", kind: "DeleteOptions", preconditions: precondition } });
        return { ok: true };
      } catch (err) {
        // Already gone is what was asked for.
        if (isObjectNotFound(err)) return { ok: true };
        return { ok: false, ...failure(describe(ref), err, "DELETE") };
      }
    },
    async list(ref) {
      const path = objectPath(ref);
      if (!path) return unknownKind(cluster, ref);
      try {
        const found = await listAll(kc, path, new AbortController().signal, timeoutMs, reader);
        // Items of a list carry no kind/apiVersion (the list has them): fill them in.
        return { ok: true, objects: found.items.map((item) => ({ apiVersion: ref.apiVersion, kind: ref.kind, ...(item as LiveObject) })) };
      } catch (err) {
        return { ok: false, ...failure(`${ref.kind} in ${ref.namespace}`, err, "GET") };
      }
    },
    async create(object) {
      const { name: _name, ...ref } = refOf(object);
      void _name;
      const path = objectPath(ref);
      if (!path) return unknownKind(cluster, ref);
      try {
        return { ok: true, object: await send({ method: "POST", path, body: object }) };
      } catch (err) {
        return { ok: false, ...failure(describe(ref), err, "POST") };
      }
    },
  };
}
