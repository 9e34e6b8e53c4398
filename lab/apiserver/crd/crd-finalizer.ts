// Deleting a CustomResourceDefinition as upstream does: the CRD's REST storage puts the
// customresourcecleanup.apiextensions.k8s.io finalizer and a Terminating condition on it (the CRD is
// Terminating), the finalizing controller deletes every object of the type (objects with finalizers of their own
// are waited for), then removes the finalizer, and the CRD is gone.
import { nowTimestamp } from "../object-meta";
import { clone } from "../object-util";
import type { StoreCore } from "../store-core";
import { deleteObject, type DeleteResult } from "../store-delete";
import { updateObject } from "../store-update";
import type { KubeObject, ResourceType } from "../types";
import { setConditions } from "./crd-conditions";
import { CLEANUP_FINALIZER } from "./crd-kind";
import { crdStatus } from "./crd-spec";

/** A type a CRD registered, and whether that CRD is being deleted (no new objects then). */
export interface Served {
  type: ResourceType;
  terminating: boolean;
}

const IN_PROGRESS = { type: "Terminating", status: "True" as const, reason: "InstanceDeletionInProgress", message: "CustomResource deletion is in progress" };

function withTerminating(crd: KubeObject, condition: typeof IN_PROGRESS): KubeObject {
  const parsed = crdStatus.safeParse(crd.status ?? {});
  const status = parsed.success ? parsed.data : {};
  return { ...clone(crd), status: { ...status, conditions: setConditions(status.conditions, [condition], nowTimestamp()) } };
}

/** DELETE of a CRD: finalizer + Terminating condition + deletionTimestamp in one write (the controller does the rest). */
export function beginCrdDeletion(core: StoreCore, crds: ResourceType, name: string, options: { dryRun?: boolean }): DeleteResult {
  const existing = core.peek(crds, undefined, name);
  if (!existing || existing.metadata.deletionTimestamp) return deleteObject(core, crds, undefined, name, options);
  const next = withTerminating(existing, {
    ...IN_PROGRESS, reason: "InstanceDeletionPending", message: "CustomResourceDefinition marked for deletion; CustomResource deletion will begin soon",
  });
  const finalizers = next.metadata.finalizers ?? [];
  if (!finalizers.includes(CLEANUP_FINALIZER)) next.metadata.finalizers = [...finalizers, CLEANUP_FINALIZER];
  next.metadata.deletionTimestamp = nowTimestamp();
  next.metadata.deletionGracePeriodSeconds = 0;
  next.metadata.generation = (existing.metadata.generation ?? 0) + 1;
  if (options.dryRun) return { object: next, gone: false };
  return { object: clone(core.commit(crds, "MODIFIED", next, existing)), gone: false };
}

/** The finalizing controller's pass over a CRD being deleted. */
export function finalizeCrd(core: StoreCore, crds: ResourceType, crd: KubeObject, served: Served | undefined): void {
  if (!(crd.metadata.finalizers ?? []).includes(CLEANUP_FINALIZER)) return;
  if (served) {
    for (const object of core.peekAll(served.type)) {
      if (!object.metadata.deletionTimestamp) deleteObject(core, served.type, object.metadata.namespace, object.metadata.name ?? "");
    }
    if (core.peekAll(served.type).length > 0) {
      const next = withTerminating(crd, IN_PROGRESS);
      updateObject(core, crds, next, { subresource: "status", fieldManager: "kube-apiserver" });
      return;
    }
  }
  const current = core.peek(crds, undefined, crd.metadata.name ?? "") ?? crd;
  const next = clone(current);
  next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== CLEANUP_FINALIZER);
  updateObject(core, crds, next, { fieldManager: "kube-apiserver" });
}
