// Owner-reference garbage collection over every kind the cluster serves (Events aside, which are never owners
// and whose strategy does not support it), as kube-controller-manager's garbage collector: a dependent whose
// owners are all gone is deleted (Background, kubectl's default); propagationPolicy Foreground and Orphan leave
// the `foregroundDeletion` / `orphan` finalizer on the owner (set by the apiserver, gc-finalizers.ts), which this
// collector honours and then removes (gc-graph.ts).
import type { KubeObject, ResourceType, StoredEvent } from "../apiserver/types";
import type { Controller, ControllerContext } from "./context";
import { collectDependent, finishOwner, FOREGROUND, itemId, ORPHAN, typeId, type GcGraph } from "./gc-graph";
import { createWorkQueue } from "./work-queue";

function collectedTypes(ctx: ControllerContext): ResourceType[] {
  return ctx.store.types.all().filter((t) => t.kind !== "Event");
}

/** Keeps the uid index right for one event; returns the owner uids the object referenced before and now. */
function reindex(graph: GcGraph, id: string, event: StoredEvent): { before: string[]; now: string[] } {
  const before = graph.owned.get(id) ?? [];
  const obj = event.object;
  const now = event.type === "DELETED" ? [] : (obj.metadata.ownerReferences ?? []).map((r) => String(r.uid));
  for (const uid of before) if (!now.includes(uid)) graph.dependents.get(uid)?.delete(id);
  for (const uid of now) {
    let set = graph.dependents.get(uid);
    if (!set) graph.dependents.set(uid, (set = new Set()));
    set.add(id);
  }
  if (now.length > 0) graph.owned.set(id, now);
  else graph.owned.delete(id);
  const uid = obj.metadata.uid ?? "";
  if (event.type === "DELETED") graph.ids.delete(uid);
  else graph.ids.set(uid, id);
  return { before, now };
}

function isDeletingWithGcFinalizer(obj: KubeObject): boolean {
  const finalizers = obj.metadata.finalizers ?? [];
  return obj.metadata.deletionTimestamp !== undefined && (finalizers.includes(FOREGROUND) || finalizers.includes(ORPHAN));
}

export function startGarbageCollector(ctx: ControllerContext): Controller {
  const graph: GcGraph = { ctx, informers: new Map(), dependents: new Map(), owned: new Map(), ids: new Map() };
  // Items are "dep|<id>" (judge a dependent) or "own|<id>" (an owner being deleted with a GC finalizer).
  const queue = createWorkQueue("garbage-collector", (item) => {
    const id = item.slice(4);
    if (item.startsWith("dep|")) collectDependent(graph, id);
    else for (const dep of finishOwner(graph, id)) queue.add(`dep|${dep}`);
  });
  const queueDependents = (uid: string | undefined): void => {
    for (const dep of graph.dependents.get(uid ?? "") ?? []) queue.add(`dep|${dep}`);
  };

  const handle = (type: ResourceType) => (event: StoredEvent): void => {
    const obj = event.object;
    const id = itemId(type, obj);
    const { before, now } = reindex(graph, id, event);
    const refsChanged = before.length !== now.length || before.some((u, i) => u !== now[i]);
    if (event.type !== "DELETED" && now.length > 0 && (event.type === "ADDED" || refsChanged)) queue.add(`dep|${id}`);
    // A dependent that went (or dropped a reference) may be what an owner in foreground deletion waits for.
    for (const uid of before) if (!now.includes(uid) && graph.ids.has(uid)) queue.add(`own|${graph.ids.get(uid) ?? ""}`);
    if (event.type === "DELETED") queueDependents(obj.metadata.uid);
    else if (isDeletingWithGcFinalizer(obj)) {
      queue.add(`own|${id}`);
      queueDependents(obj.metadata.uid);
    }
  };
  // Every informer exists before any handler runs, so an owner is found whatever order the caches fill in.
  const types = collectedTypes(ctx);
  for (const type of types) graph.informers.set(typeId(type), ctx.informers.for(type));
  for (const type of types) graph.informers.get(typeId(type))?.addHandler(handle(type));
  return { name: "garbage-collector", idle: queue.idle, stop: queue.stop };
}
