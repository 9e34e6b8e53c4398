// Owner-reference garbage collection for the kinds the lab's controllers create (Pods, Deployments, Services,
// EndpointSlices): a dependent whose owners are all gone is deleted (background propagation, kubectl's default).
// Owners with the `foregroundDeletion` finalizer (propagationPolicy=Foreground) lose it once their dependents are
// gone; with `orphan` their dependents lose the ownerReference instead.
import type { ResourceType } from "../apiserver/types";
import type { Controller, ControllerContext } from "./context";
import { collectDependent, dependentsOf, finishOwner, type GcGraph } from "./gc-graph";
import { keyOf } from "./object-util";
import { createWorkQueue } from "./work-queue";

export function startGarbageCollector(ctx: ControllerContext): Controller {
  const { kinds } = ctx;
  const ownerInformers = [kinds.deployment, kinds.service, kinds.ingressGateway].map((t) => ctx.informers.for(t));
  const graph: GcGraph = {
    ctx,
    owners: new Map(ownerInformers.map((inf) => [inf.type.kind, inf])),
    dependents: [kinds.pod, kinds.deployment, kinds.service, kinds.endpointSlice].map((t) => ctx.informers.for(t)),
  };
  const byKind = new Map<string, ResourceType>([...ownerInformers, ...graph.dependents].map((inf) => [inf.type.kind, inf.type]));

  // Items are "dep|<Kind>|<ns>/<name>" (judge a dependent) or "own|<Kind>|<ns>/<name>" (finish an owner).
  const queue = createWorkQueue("garbage-collector", (item) => {
    const [role, kind, ...rest] = item.split("|");
    const type = byKind.get(kind ?? "");
    if (!type) return;
    if (role === "dep") collectDependent(graph, type, rest.join("|"));
    else finishOwner(graph, type, rest.join("|"));
  });

  for (const inf of graph.dependents) {
    inf.addHandler((event) => {
      if (event.type !== "DELETED") return queue.add(`dep|${inf.type.kind}|${keyOf(event.object)}`);
      // A dependent deleted while its owner waits in foreground deletion lets the owner finish.
      for (const ref of event.object.metadata.ownerReferences ?? []) {
        const ownerType = byKind.get(String(ref.kind));
        const ns = ownerType?.namespaced ? (event.object.metadata.namespace ?? "") : "";
        if (ownerType) queue.add(`own|${ownerType.kind}|${ns}/${String(ref.name)}`);
      }
    });
  }
  for (const inf of ownerInformers) {
    inf.addHandler((event) => {
      const owner = event.object;
      if (event.type !== "DELETED") queue.add(`own|${inf.type.kind}|${keyOf(owner)}`);
      if (event.type === "DELETED" || owner.metadata.deletionTimestamp) {
        for (const { type, obj } of dependentsOf(graph, owner)) queue.add(`dep|${type.kind}|${keyOf(obj)}`);
      }
    });
  }
  return { name: "garbage-collector", idle: queue.idle, stop: queue.stop };
}
