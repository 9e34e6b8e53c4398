// The CustomResourceDefinition kind itself: served by every lab cluster (apiextensions.k8s.io/v1, cluster-scoped,
// short names crd/crds, category api-extensions, status subresource), and the finalizer its deletion waits on.
import { defineType } from "../define-type";
import type { ResourceType } from "../types";
import { CRD_GROUP, CRD_KIND, storageVersion, type CrdSpec, type CrdStatus } from "./crd-spec";

/** The finalizer the apiextensions apiserver puts on a deleted CRD until all its objects are gone. */
export const CLEANUP_FINALIZER = "customresourcecleanup.apiextensions.k8s.io";

export function crdType(): ResourceType {
  return defineType({
    group: CRD_GROUP, version: "v1", kind: CRD_KIND, plural: "customresourcedefinitions", namespaced: false,
    shortNames: ["crd", "crds"], categories: ["api-extensions"], subresources: { status: true },
  });
}

export function isCrdType(type: ResourceType): boolean {
  return type.group === CRD_GROUP && type.kind === CRD_KIND;
}

/** PrepareForCreate: empty accepted names (plural and kind always serialised) and the storage version stored. */
export function initialCrdStatus(spec: CrdSpec): CrdStatus {
  const storage = storageVersion(spec);
  return { acceptedNames: { plural: "", kind: "" }, storedVersions: storage ? [storage.name] : [] };
}
