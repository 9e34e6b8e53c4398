// The apiextensions controllers, run in-process right after each write so a CRD is served within the same request
// (upstream they run asynchronously, milliseconds later): naming and establishing (status.acceptedNames, the
// NamesAccepted and Established conditions, then the type is served by this cluster only), updates (a changed
// schema or printer columns take effect at once), and finalizing (a deleted CRD's objects are deleted, then its
// finalizer is removed and the type stops being served).
import { typeKey } from "../builtin-types";
import { nowTimestamp } from "../object-meta";
import { clone, deepEqual } from "../object-util";
import type { StoreCore } from "../store-core";
import { updateObject } from "../store-update";
import type { MutableTypeRegistry } from "../type-overlay";
import type { KubeObject, ResourceType } from "../types";
import { findCondition, setConditions } from "./crd-conditions";
import { crdType } from "./crd-kind";
import { crdResourceType } from "./crd-resource-type";
import { crdSpec, crdStatus, storageVersion, type CrdSpec } from "./crd-spec";
import { finalizeCrd, type Served } from "./crd-finalizer";
import { acceptNames, type UsedNames } from "./naming";

/** The field manager upstream's controllers write CRD status with. */
const MANAGER = "kube-apiserver";

export interface CrdController {
  /** Runs the controllers after a committed write of `type` (a no-op unless CRDs need work). */
  afterWrite(type: ResourceType): void;
  /** Whether objects of this custom type may not be created (its CRD is being deleted). */
  isTerminating(type: ResourceType): boolean;
}

export function createCrdController(core: StoreCore, registry: MutableTypeRegistry): CrdController {
  const crds = crdType();
  const served = new Map<string, Served>();
  let running = false;
  const reconcileAll = (): void => {
    for (const crd of core.peekAll(crds)) reconcile(crd);
    for (const [name, entry] of served) {
      if (core.peek(crds, undefined, name)) continue;
      registry.unregister(entry.type.group, entry.type.kind);
      core.history.end(typeKey(entry.type));
      served.delete(name);
    }
  };
  const reconcile = (crd: KubeObject): void => {
    const name = crd.metadata.name ?? "";
    const parsed = crdSpec.safeParse(crd.spec);
    if (!parsed.success) return;
    if (crd.metadata.deletionTimestamp) {
      const entry = served.get(name);
      if (entry) entry.terminating = true;
      finalizeCrd(core, crds, crd, entry);
      return;
    }
    const current = updateStatus(crd, parsed.data);
    const spec = parsed.data;
    const status = crdStatus.safeParse(current.status);
    const names = status.success ? status.data.acceptedNames : undefined;
    if (findCondition(status.success ? status.data.conditions : undefined, "Established")?.status !== "True" || !names) return;
    serve(name, crdResourceType(spec, names));
  };
  const serve = (name: string, type: ResourceType | undefined): void => {
    const before = served.get(name);
    if (before && type && deepEqual(before.type, type)) return;
    if (before) registry.unregister(before.type.group, before.type.kind);
    if (!type) return void served.delete(name);
    registry.register(type);
    served.set(name, { type, terminating: false });
  };
  const usedNames = (group: string, own: string): UsedNames => {
    const mine = served.get(own)?.type;
    const others = registry.all().filter((t) => t.group === group && t !== mine);
    return {
      resources: new Set(others.flatMap((t) => [t.plural, t.singular, ...t.shortNames])),
      kinds: new Set(others.flatMap((t) => [t.kind, t.listKind])),
    };
  };
  const updateStatus = (crd: KubeObject, spec: CrdSpec): KubeObject => {
    const parsed = crdStatus.safeParse(crd.status ?? {});
    const status = parsed.success ? parsed.data : {};
    const naming = acceptNames(spec, status.acceptedNames, usedNames(spec.group, crd.metadata.name ?? ""), findCondition(status.conditions, "Established"));
    const storage = storageVersion(spec)?.name;
    const stored = status.storedVersions ?? [];
    const next = {
      ...status,
      acceptedNames: naming.accepted,
      conditions: setConditions(status.conditions, [naming.namesAccepted, naming.established], nowTimestamp()),
      storedVersions: storage && !stored.includes(storage) ? [...stored, storage] : stored,
    };
    if (deepEqual(next, crd.status)) return crd;
    return updateObject(core, crds, { ...clone(crd), status: next }, { subresource: "status", fieldManager: MANAGER });
  };
  return {
    afterWrite(type) {
      const terminating = [...served.values()].some((s) => s.terminating);
      if (running || (typeKey(type) !== typeKey(crds) && !terminating)) return;
      running = true;
      try {
        reconcileAll();
      } finally {
        running = false;
      }
    },
    isTerminating: (type) => [...served.values()].some((s) => s.terminating && typeKey(s.type) === typeKey(type)),
  };
}
