// The apiextensions controllers, run in-process right after each write so a CRD is served within the same request
// (upstream they run asynchronously, milliseconds later): naming and establishing (status.acceptedNames, the
// NamesAccepted and Established conditions, then the type is served by this cluster only), updates (a changed
// schema or printer columns take effect at once), and finalizing (a deleted CRD's objects are deleted, then its
// finalizer is removed, the type stops being served and its watches end).
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
  return new CrdControllers(core, registry);
}

class CrdControllers implements CrdController {
  private readonly crds = crdType();
  /** CRD name → the type it serves. */
  private readonly served = new Map<string, Served>();
  private running = false;

  constructor(private readonly core: StoreCore, private readonly registry: MutableTypeRegistry) {}

  afterWrite(type: ResourceType): void {
    const terminating = [...this.served.values()].some((s) => s.terminating);
    if (this.running || (typeKey(type) !== typeKey(this.crds) && !terminating)) return;
    // The controllers' own writes come back here: they are part of this pass.
    this.running = true;
    try {
      for (const crd of this.core.peekAll(this.crds)) this.reconcile(crd);
      this.forgetDeleted();
    } finally {
      this.running = false;
    }
  }

  isTerminating(type: ResourceType): boolean {
    return [...this.served.values()].some((s) => s.terminating && typeKey(s.type) === typeKey(type));
  }

  private reconcile(crd: KubeObject): void {
    const name = crd.metadata.name ?? "";
    const parsed = crdSpec.safeParse(crd.spec);
    if (!parsed.success) return;
    const entry = this.served.get(name);
    if (crd.metadata.deletionTimestamp) {
      if (entry) entry.terminating = true;
      finalizeCrd(this.core, this.crds, crd, entry);
      return;
    }
    const status = crdStatus.safeParse(this.updateStatus(crd, parsed.data).status);
    const names = status.success ? status.data.acceptedNames : undefined;
    const established = findCondition(status.success ? status.data.conditions : undefined, "Established")?.status === "True";
    if (established && names) this.serve(name, crdResourceType(parsed.data, names));
  }

  /** Types whose CRD is gone stop being served; their open watches end. */
  private forgetDeleted(): void {
    for (const [name, entry] of this.served) {
      if (this.core.peek(this.crds, undefined, name)) continue;
      this.registry.unregister(entry.type.group, entry.type.kind);
      this.core.history.end(typeKey(entry.type));
      this.served.delete(name);
    }
  }

  private serve(name: string, type: ResourceType | undefined): void {
    const before = this.served.get(name);
    if (before && type && deepEqual(before.type, type)) return;
    if (before) this.registry.unregister(before.type.group, before.type.kind);
    if (!type) {
      this.served.delete(name);
      return;
    }
    this.registry.register(type);
    this.served.set(name, { type, terminating: false });
  }

  /** Names used by the other types of the group (the fixed ones and other CRDs'). */
  private usedNames(group: string, own: string): UsedNames {
    const mine = this.served.get(own)?.type;
    const others = this.registry.all().filter((t) => t.group === group && t !== mine);
    return {
      resources: new Set(others.flatMap((t) => [t.plural, t.singular, ...t.shortNames])),
      kinds: new Set(others.flatMap((t) => [t.kind, t.listKind])),
    };
  }

  /** The naming/establishing controllers' status write (none when nothing changes). */
  private updateStatus(crd: KubeObject, spec: CrdSpec): KubeObject {
    const parsed = crdStatus.safeParse(crd.status ?? {});
    const status = parsed.success ? parsed.data : {};
    const naming = acceptNames(spec, status.acceptedNames, this.usedNames(spec.group, crd.metadata.name ?? ""), findCondition(status.conditions, "Established"));
    const storage = storageVersion(spec)?.name;
    const stored = status.storedVersions ?? [];
    const next = {
      ...status,
      acceptedNames: naming.accepted,
      conditions: setConditions(status.conditions, [naming.namesAccepted, naming.established], nowTimestamp()),
      storedVersions: storage && !stored.includes(storage) ? [...stored, storage] : stored,
    };
    if (deepEqual(next, crd.status)) return crd;
    return updateObject(this.core, this.crds, { ...clone(crd), status: next }, { subresource: "status", fieldManager: MANAGER });
  }
}
