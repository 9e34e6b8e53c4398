// An east-west gateway as the console's deploy dialog leaves it: an IngressGateway `eastWestOnly: true` created by
// server-side apply under the console's field manager, with the console's managed-by label — the lab's installer
// then makes its Deployment (ready pods) and LoadBalancer Service (an address). Seeding it this way stands for "the
// platform team deployed the gateway from the console earlier", so the console may later preview its removal.
// The names are the console's contract with the cluster, written out here: the lab imports nothing from the product.
import { nowTimestamp } from "../apiserver/object-meta";
import { computePatch } from "../apiserver/patch/index";
import type { ClusterStore } from "../apiserver/types";

export const CONSOLE_FIELD_MANAGER = "eastwest-console";
export const CONSOLE_GATEWAY_NAME = "eastwest-gateway";

const APPLY_PATCH = "application/apply-patch+yaml";

export function seedConsoleGateway(store: ClusterStore, namespace: string, name = CONSOLE_GATEWAY_NAME): void {
  const type = store.types.byKind("install.tetrate.io", "IngressGateway");
  if (!type) throw new Error("lab: IngressGateway is not served");
  if (store.get(type, namespace, name)) return;
  const config = {
    apiVersion: "install.tetrate.io/v1alpha1",
    kind: "IngressGateway",
    metadata: { name, namespace, labels: { "app.kubernetes.io/managed-by": CONSOLE_FIELD_MANAGER } },
    spec: { eastWestOnly: true },
  };
  // The same engine a PATCH with application/apply-patch+yaml goes through, so managedFields say Apply.
  const object = computePatch({ type, existing: undefined, body: JSON.stringify(config), contentType: APPLY_PATCH, fieldManager: CONSOLE_FIELD_MANAGER, now: nowTimestamp() });
  store.create(type, object, { keepManagedFields: true });
}
