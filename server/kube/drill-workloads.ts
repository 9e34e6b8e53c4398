// What a drill does to the drilled workloads: scale a Deployment (ScaleToZero and its undo) and put or take the
// FailRequests fault annotation on a pod.
//
// Kubernetes semantics relied on:
// - The `/scale` subresource of a Deployment takes an autoscaling/v1 Scale. Server-side apply of a Scale with
//   `force=true` makes the drill runner the owner of `spec.replicas` (taking it from whoever set it, as
//   `kubectl scale` does) without touching any other field. An API server that does not accept apply-patch on
//   /scale (415) gets a merge patch instead, locked to the resourceVersion just read: a Deployment changed in
//   between is a 409 and the runner observes again, rather than overwriting a change it never saw.
// - An apply of a Pod carrying only `metadata.annotations` with the runner's field manager owns that one
//   annotation; applying it again without the annotation removes it (no other manager owns it). `metadata.uid`
//   in the body is a precondition: a pod replaced under the same name is a 409, never annotated by mistake.
import { DRILL_FAULT_ANNOTATION, DRILL_FAULT_VALUE, DRILL_FIELD_MANAGER } from "@/lib/drills/schema";
import type { DrillCallOutcome, DrillHttp } from "./drill-http";
import { objectPath } from "./kinds";

export type ScaleResult = DrillCallOutcome<{ replicas: number; via: "apply" | "merge-patch" }>;

export type DrillWorkloadOps = {
  scale(namespace: string, deployment: string, replicas: number): Promise<ScaleResult>;
  /** Puts (`on`) or removes the FailRequests annotation; a pod that is gone counts as done when removing. */
  faultPod(namespace: string, pod: string, uid: string | undefined, on: boolean): Promise<DrillCallOutcome<void>>;
};

const scalePath = (namespace: string, name: string) => `${objectPath({ apiVersion: "apps/v1", kind: "Deployment", namespace, name }) ?? ""}/scale`;

export function drillWorkloadOps(http: DrillHttp): DrillWorkloadOps {
  async function mergeScale(namespace: string, name: string, replicas: number): Promise<ScaleResult> {
    const what = `the scale of Deployment ${namespace}/${name}`;
    const current = await http.json(what, { method: "GET", path: scalePath(namespace, name) });
    if (!current.ok) return current;
    const resourceVersion = current.value?.metadata.resourceVersion;
    const body = { metadata: resourceVersion ? { resourceVersion } : {}, spec: { replicas } };
    const patched = await http.json(what, { method: "PATCH", path: scalePath(namespace, name), query: { fieldManager: DRILL_FIELD_MANAGER }, body, contentType: "application/merge-patch+json" });
    return patched.ok ? { ok: true, value: { replicas, via: "merge-patch" } } : patched;
  }
  return {
    async scale(namespace, name, replicas) {
      const body = { apiVersion: "autoscaling/v1", kind: "Scale", metadata: { name, namespace }, spec: { replicas } };
      const query = { fieldManager: DRILL_FIELD_MANAGER, force: "true" };
      const applied = await http.json(`the scale of Deployment ${namespace}/${name}`, { method: "PATCH", path: scalePath(namespace, name), query, body, contentType: "application/apply-patch+yaml" });
      if (applied.ok) return { ok: true, value: { replicas, via: "apply" } };
      if (applied.kind === "rejected" && applied.status === 415) return mergeScale(namespace, name, replicas);
      return applied;
    },
    async faultPod(namespace, name, uid, on) {
      const path = objectPath({ apiVersion: "v1", kind: "Pod", namespace, name }) ?? "";
      const metadata = { name, namespace, ...(uid ? { uid } : {}), ...(on ? { annotations: { [DRILL_FAULT_ANNOTATION]: DRILL_FAULT_VALUE } } : {}) };
      const body = { apiVersion: "v1", kind: "Pod", metadata };
      // Removing from a pod that is gone is done; putting on a pod that is gone must fail (the machine re-observes).
      if (!on) {
        const exists = await http.json(`Pod ${namespace}/${name}`, { method: "GET", path }, { notFoundIsOk: true });
        if (!exists.ok) return exists;
        if (!exists.value || (uid && exists.value.metadata.uid !== uid)) return { ok: true, value: undefined };
      }
      const outcome = await http.json(`the fault annotation of Pod ${namespace}/${name}`, { method: "PATCH", path, query: { fieldManager: DRILL_FIELD_MANAGER, force: "true" }, body, contentType: "application/apply-patch+yaml" });
      return outcome.ok ? { ok: true, value: undefined } : outcome;
    },
  };
}
