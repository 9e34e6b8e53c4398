// ControllerRefManager.Claim*, as the deployment and replicaset controllers run it before each sync: an object in
// the controller's namespace that matches its selector and has no controller is adopted (the controller's
// ownerReference is added), so a Deployment re-created after `kubectl delete --cascade=orphan` takes its
// ReplicaSet (and that ReplicaSet its pods) back instead of colliding with it. A controller being deleted adopts
// nothing.
import type { KubeObject, ResourceType } from "../apiserver/types";
import type { ControllerContext } from "./context";
import { asRecord, controllerRef, labelSelectorMatches } from "./object-util";

const MANAGER = "kube-controller-manager";

function hasController(obj: KubeObject): boolean {
  return (obj.metadata.ownerReferences ?? []).some((r) => r.controller === true);
}

/**
 * Adopts the orphans among `candidates`; returns true when it wrote (the write's event brings the owner back). An
 * empty selector matches nothing here, as upstream refuses to adopt with one.
 */
export function adoptOrphans(ctx: ControllerContext, owner: KubeObject, type: ResourceType, candidates: KubeObject[]): boolean {
  const selector = asRecord(owner.spec)?.selector;
  const sel = asRecord(selector) ?? {};
  if (owner.metadata.deletionTimestamp || (Object.keys(asRecord(sel.matchLabels) ?? {}).length === 0 && !Array.isArray(sel.matchExpressions))) return false;
  const orphans = candidates.filter((o) => !hasController(o) && !o.metadata.deletionTimestamp && labelSelectorMatches(selector, o.metadata.labels));
  for (const orphan of orphans) {
    const ownerReferences = [...(orphan.metadata.ownerReferences ?? []), controllerRef(owner)];
    ctx.store.update(type, { ...orphan, metadata: { ...orphan.metadata, ownerReferences } }, { fieldManager: MANAGER });
  }
  return orphans.length > 0;
}
