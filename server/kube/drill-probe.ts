// The drill's probe Pod: created (server-side apply, the runner's field manager), removed (guarded by its uid
// alone: its status changes all the time, so a resourceVersion precondition would rarely hold), and its
// container's log read through `pods/log`.
//
// Kubernetes semantics relied on: `sinceTime` (RFC 3339, whole seconds) returns the lines written at or after it,
// `tailLines` the last N, `timestamps=true` prefixes each line with the time the kubelet received it (RFC 3339 with
// fractional seconds) and a space. A pod that does not exist (yet, or any more) is a 404 naming it.
import { DRILL_FIELD_MANAGER } from "@/lib/drills/schema";
import type { DrillCallOutcome, DrillHttp } from "./drill-http";
import { objectPath } from "./kinds";

export type ProbePodManifest = { apiVersion: "v1"; kind: "Pod"; metadata: { name: string; namespace: string } & Record<string, unknown>; spec: Record<string, unknown> };

export type LogQuery = { container: string; sinceTime?: string; tailLines?: number };

export type DrillProbeOps = {
  create(pod: ProbePodManifest): Promise<DrillCallOutcome<{ uid?: string }>>;
  /** Deleted (or already gone). With `uid`, a pod of the same name that is not this one is left alone. */
  remove(namespace: string, name: string, uid?: string): Promise<DrillCallOutcome<void>>;
  /** The log text, or undefined when the pod (or its log) does not exist. */
  log(namespace: string, name: string, query: LogQuery): Promise<DrillCallOutcome<string | undefined>>;
};

const podPath = (namespace: string, name: string) => objectPath({ apiVersion: "v1", kind: "Pod", namespace, name }) ?? "";

export function drillProbeOps(http: DrillHttp): DrillProbeOps {
  return {
    async create(pod) {
      const { name, namespace } = pod.metadata;
      const outcome = await http.json(`Pod ${namespace}/${name}`, { method: "PATCH", path: podPath(namespace, name), query: { fieldManager: DRILL_FIELD_MANAGER }, body: pod, contentType: "application/apply-patch+yaml" });
      return outcome.ok ? { ok: true, value: { uid: outcome.value?.metadata.uid } } : outcome;
    },
    async remove(namespace, name, uid) {
      const body = { apiVersion: "v1", kind: "DeleteOptions", gracePeriodSeconds: 0, ...(uid ? { preconditions: { uid } } : {}) };
      const outcome = await http.json(`Pod ${namespace}/${name}`, { method: "DELETE", path: podPath(namespace, name), body }, { notFoundIsOk: true });
      if (outcome.ok) return { ok: true, value: undefined };
      // 409: the uid precondition failed, the pod of that name is another one: ours is gone.
      if (outcome.kind === "rejected" && outcome.status === 409) return { ok: true, value: undefined };
      return outcome;
    },
    async log(namespace, name, query) {
      const params: Record<string, string> = { container: query.container, timestamps: "true" };
      if (query.sinceTime) params.sinceTime = query.sinceTime;
      if (query.tailLines !== undefined) params.tailLines = String(query.tailLines);
      const outcome = await http.text(`the log of Pod ${namespace}/${name}`, `${podPath(namespace, name)}/log`, params);
      if (outcome.ok) return outcome;
      // 404 (no such pod) and 400 (container not started yet: "waiting to start") both mean: no log yet.
      if (outcome.kind === "rejected" && (outcome.status === 404 || outcome.status === 400)) return { ok: true, value: undefined };
      return outcome;
    },
  };
}
