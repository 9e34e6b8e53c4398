// Per-kind work the registry strategies do right before an object is stored (after the generic metadata rules):
// CustomResourceDefinitions are defaulted and validated (and start with empty accepted names); objects of kinds
// with a structural schema are pruned, defaulted and validated.
import { admitCustomObject } from "./custom-admission";
import { isCrdType, initialCrdStatus } from "./crd/crd-kind";
import { defaultCrd, validateCrd } from "./crd/crd-validation";
import type { KubeObject, ResourceType } from "./types";

export function beforeStore(type: ResourceType, object: KubeObject, existing: KubeObject | undefined, subresource?: "status" | "scale"): void {
  if (isCrdType(type)) {
    if (subresource === "status") return;
    defaultCrd(object);
    const spec = validateCrd(type, object, existing);
    if (!existing) object.status = initialCrdStatus(spec);
    return;
  }
  admitCustomObject(type, object, existing);
}
