// Per-kind work the registry strategies do right before an object is stored (after the generic metadata rules and
// defaulting): CustomResourceDefinitions are defaulted and validated (and start with empty accepted names);
// objects of kinds with a structural schema are pruned, defaulted and validated; built-in kinds are validated by
// their strategy's rules; then the validating admission webhooks a real cluster runs (istiod's, for the Istio
// kinds) see the object. (etcd's size limit is checked by the write handlers, where the request's size is known.)
import { admitCustomObject } from "./custom-admission";
import { isCrdType, initialCrdStatus } from "./crd/crd-kind";
import { defaultCrd, validateCrd } from "./crd/crd-validation";
import { invalid } from "./status";
import type { KubeObject, ResourceType } from "./types";
import { builtinErrors } from "./validation/builtin";
import { admitIstioWebhook } from "./validation/istio-webhook";

export function beforeStore(type: ResourceType, object: KubeObject, existing: KubeObject | undefined, subresource?: "status" | "scale"): void {
  if (isCrdType(type)) {
    if (subresource === "status") return;
    defaultCrd(object);
    const spec = validateCrd(type, object, existing);
    if (!existing) object.status = initialCrdStatus(spec);
    return;
  }
  const errors = builtinErrors(type, object, existing);
  if (type.custom) admitCustomObject(type, object, existing, errors);
  else if (errors.length > 0) throw invalid(type, object.metadata.name ?? "", errors);
  // Webhook rules name resources, not subresources: istiod never sees status writes.
  if (!subresource) admitIstioWebhook(type, object);
}
