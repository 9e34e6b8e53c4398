// An in-process informer: lists a type once, then follows the store's watch, keeping a namespace-indexed cache.
// Controllers read only from these caches (as kube-controller-manager reads from shared informers) and write
// through the store; watch callbacks only update the cache and queue keys, never write, so a store write is
// never re-entered from inside another write.
import type { ClusterStore, KubeObject, ResourceType, StoredEvent } from "../apiserver/types";

export type InformerHandler = (event: StoredEvent) => void;

export interface Informer {
  readonly type: ResourceType;
  get(namespace: string | undefined, name: string): KubeObject | undefined;
  /** Cached objects of one namespace (or all), in no particular order. */
  list(namespace?: string): KubeObject[];
  /** Called for every later change, and once (as ADDED) for every object already cached. */
  addHandler(handler: InformerHandler): void;
  stop(): void;
}

export function createInformer(store: ClusterStore, type: ResourceType): Informer {
  const byNamespace = new Map<string, Map<string, KubeObject>>();
  const handlers: InformerHandler[] = [];
  let resourceVersion = Number(store.currentResourceVersion());

  const put = (obj: KubeObject): void => {
    const ns = obj.metadata.namespace ?? "";
    let bucket = byNamespace.get(ns);
    if (!bucket) byNamespace.set(ns, (bucket = new Map()));
    bucket.set(obj.metadata.name ?? "", obj);
  };
  const remove = (obj: KubeObject): void => {
    const ns = obj.metadata.namespace ?? "";
    const bucket = byNamespace.get(ns);
    bucket?.delete(obj.metadata.name ?? "");
    if (bucket?.size === 0) byNamespace.delete(ns);
  };

  // Listing and subscribing happen in the same tick, so no write can fall between them. The stored objects are
  // deep-frozen and never mutated (every write stores a new one), so the cache shares them instead of copying
  // the whole cluster once per kind.
  for (const obj of store.peek(type)) put(obj);
  const unsubscribe = store.watch(type, undefined, (event) => {
    resourceVersion = Math.max(resourceVersion, event.resourceVersion);
    if (event.type === "DELETED") remove(event.object);
    else put(event.object);
    for (const handler of handlers) handler(event);
  });

  return {
    type,
    get: (namespace, name) => byNamespace.get(namespace ?? "")?.get(name),
    list(namespace) {
      if (namespace !== undefined) return [...(byNamespace.get(namespace)?.values() ?? [])];
      return [...byNamespace.values()].flatMap((bucket) => [...bucket.values()]);
    },
    addHandler(handler) {
      handlers.push(handler);
      for (const bucket of byNamespace.values()) {
        for (const obj of bucket.values()) handler({ type: "ADDED", object: obj, resourceVersion });
      }
    },
    stop: unsubscribe,
  };
}

/** One informer per type, shared by every controller of a cluster. */
export interface InformerFactory {
  for(type: ResourceType): Informer;
  stop(): void;
}

export function createInformerFactory(store: ClusterStore): InformerFactory {
  const informers = new Map<string, Informer>();
  return {
    for(type) {
      const id = `${type.group}/${type.kind}`;
      let informer = informers.get(id);
      if (!informer) informers.set(id, (informer = createInformer(store, type)));
      return informer;
    },
    stop() {
      for (const informer of informers.values()) informer.stop();
      informers.clear();
    },
  };
}
