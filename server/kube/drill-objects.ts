// The drill object's writes: create (server-side apply, the drill runner's field manager), the status
// subresource, abort, and the CRD itself where it is missing.
//
// Kubernetes semantics relied on:
// - Server-side apply to a missing object creates it; the manager then owns exactly the fields it sent.
// - With the status subresource, an apply to `/status` changes status only, and the API server tracks its
//   managed fields apart from the main resource's (managedFields entries carry `subresource: status`): a status
//   apply that sends no spec removes no spec field, even under the same manager name.
// - Fields a manager stops sending are removed: so abort re-sends the whole spec as stored, with `abort: true`,
//   forced — aborting is a deliberate stop, and a drill applied by hand with `abort: false` must not block it.
// - `metadata.finalizers` is a set (+listType=set): a manager applying only its own finalizer owns that one item,
//   and applying again without it removes just that item. The finalizer has a field manager of its own, so that
//   applying it never drops the spec fields the runner's manager owns (a drill created from the button).
import { DRILL_API_VERSION, DRILL_FIELD_MANAGER, DRILL_KIND, type DrillSpec, type DrillStatus } from "@/lib/drills/schema";
import type { ApplyOutcome, GetOutcome } from "./console-outcome";
import type { DrillHttp } from "./drill-http";
import { DRILL_CRD_MANIFEST } from "./drill-crd-manifest";
import { objectPath } from "./kinds";
import type { ObjectWriter } from "./object-writer";

const APPLY = "application/apply-patch+yaml";

export type DrillObjectRef = { namespace: string; name: string };

export type DrillCreate = DrillObjectRef & { spec: DrillSpec; labels?: Record<string, string> };

const drillPath = (ref: DrillObjectRef) => objectPath({ apiVersion: DRILL_API_VERSION, kind: DRILL_KIND, namespace: ref.namespace, name: ref.name }) ?? "";
const describe = (ref: DrillObjectRef) => `FailoverDrill ${ref.namespace}/${ref.name}`;

/** Keeps a drill that is being deleted until the runner has undone its fault. */
export const DRILL_FINALIZER = "eastwest.dev/restore";
const FINALIZER_MANAGER = `${DRILL_FIELD_MANAGER}-finalizer`;

export type DrillObjectOps = {
  get(ref: DrillObjectRef): Promise<GetOutcome>;
  create(drill: DrillCreate): Promise<ApplyOutcome>;
  applyStatus(ref: DrillObjectRef, status: DrillStatus): Promise<ApplyOutcome>;
  abort(ref: DrillObjectRef, spec: DrillSpec): Promise<ApplyOutcome>;
  /** Puts (`on`) or takes off the runner's finalizer; a drill that is gone counts as done. */
  finalizer(ref: DrillObjectRef, on: boolean): Promise<ApplyOutcome | { ok: true; object: undefined }>;
  /**
   * Whether the cluster serves FailoverDrill now, asked by listing drills in `namespace` (limit 1): a 404 without
   * a name is a type the API server does not serve. This needs only the drill RBAC the console needs anyway, not
   * read access to CustomResourceDefinitions, and it is true exactly when drills can be created.
   */
  crdInstalled(namespace: string): Promise<{ ok: true; installed: boolean } | { ok: false; message: string }>;
  installCrd(): Promise<ApplyOutcome>;
};

export function drillObjectOps(writer: ObjectWriter, http: DrillHttp): DrillObjectOps {
  const body = (ref: DrillObjectRef, rest: Record<string, unknown>, labels?: Record<string, string>) => ({
    apiVersion: DRILL_API_VERSION,
    kind: DRILL_KIND,
    metadata: { name: ref.name, namespace: ref.namespace, ...(labels ? { labels } : {}) },
    ...rest,
  });
  const asApply = async (what: string, request: Parameters<DrillHttp["json"]>[1]): Promise<ApplyOutcome> => {
    const outcome = await http.json(what, request);
    if (!outcome.ok) return outcome;
    return outcome.value ? { ok: true, object: outcome.value } : { ok: false, kind: "rejected", message: `${http.cluster} answered ${what} with no object.` };
  };
  return {
    get: (ref) => writer.get({ apiVersion: DRILL_API_VERSION, kind: DRILL_KIND, ...ref }),
    create: (drill) => writer.apply(body(drill, { spec: drill.spec }, drill.labels), {}),
    applyStatus: (ref, status) =>
      asApply(`the status of ${describe(ref)}`, {
        method: "PATCH",
        path: `${drillPath(ref)}/status`,
        query: { fieldManager: DRILL_FIELD_MANAGER, force: "true" },
        body: body(ref, { status }),
        contentType: APPLY,
      }),
    abort: (ref, spec) => writer.apply(body(ref, { spec: { ...spec, abort: true } }), { force: true }),
    async finalizer(ref, on) {
      const metadata = { name: ref.name, namespace: ref.namespace, ...(on ? { finalizers: [DRILL_FINALIZER] } : {}) };
      const outcome = await http.json(`the finalizer of ${describe(ref)}`, { method: "PATCH", path: drillPath(ref), query: { fieldManager: FINALIZER_MANAGER }, body: { apiVersion: DRILL_API_VERSION, kind: DRILL_KIND, metadata }, contentType: APPLY }, { notFoundIsOk: !on });
      if (!outcome.ok) return outcome;
      return outcome.value ? { ok: true, object: outcome.value } : { ok: true, object: undefined };
    },
    async crdInstalled(namespace) {
      const path = objectPath({ apiVersion: DRILL_API_VERSION, kind: DRILL_KIND, namespace }) ?? "";
      const listed = await http.json(`FailoverDrills in ${namespace}`, { method: "GET", path, query: { limit: "1" } });
      if (listed.ok) return { ok: true, installed: true };
      if (listed.kind === "rejected" && listed.status === 404) return { ok: true, installed: false };
      return { ok: false, message: listed.message };
    },
    installCrd: () => writer.apply(structuredClone(DRILL_CRD_MANIFEST) as unknown as Parameters<ObjectWriter["apply"]>[0], {}),
  };
}
