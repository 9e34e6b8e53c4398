// CRD status conditions as upstream's SetCRDCondition keeps them: one per type, lastTransitionTime changes only
// when the status does.
import type { CrdCondition } from "./crd-spec";

export function setConditions(current: CrdCondition[] | undefined, updates: CrdCondition[], now: string): CrdCondition[] {
  const next = [...(current ?? [])];
  for (const update of updates) {
    const i = next.findIndex((c) => c.type === update.type);
    const old = i >= 0 ? next[i] : undefined;
    const lastTransitionTime = old && old.status === update.status && old.lastTransitionTime ? old.lastTransitionTime : now;
    const merged: CrdCondition = { ...update, lastTransitionTime };
    if (old && old.status === merged.status && old.reason === merged.reason && old.message === merged.message) continue;
    if (i >= 0) next[i] = merged;
    else next.push(merged);
  }
  return next;
}

export function findCondition(conditions: CrdCondition[] | undefined, type: string): CrdCondition | undefined {
  return conditions?.find((c) => c.type === type);
}
