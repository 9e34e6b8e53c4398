// The apiserver's system-namespaces controller (pkg/controlplane/controller/systemnamespaces): kube-system,
// kube-public, kube-node-lease and default always exist. Only the last may be deleted at all (the others are
// immortal in the NamespaceLifecycle admission plugin), and once it is gone it is created again — upstream on its
// next one-minute pass, here as soon as its deletion is seen.
import type { Controller, ControllerContext } from "./context";
import { createWorkQueue } from "./work-queue";

const SYSTEM_NAMESPACES = new Set(["kube-system", "kube-public", "kube-node-lease", "default"]);

export function startSystemNamespaces(ctx: ControllerContext): Controller {
  const namespaces = ctx.informers.for(ctx.kinds.namespace);
  const queue = createWorkQueue("system-namespaces", (name) => {
    if (namespaces.get(undefined, name)) return;
    ctx.store.create(ctx.kinds.namespace, { apiVersion: "v1", kind: "Namespace", metadata: { name } }, { fieldManager: "kube-apiserver" });
  });
  namespaces.addHandler((event) => {
    const name = event.object.metadata.name ?? "";
    if (event.type === "DELETED" && SYSTEM_NAMESPACES.has(name)) queue.add(name);
  });
  return { name: "system-namespaces", idle: queue.idle, stop: queue.stop };
}
