// The state of one cluster's storage: objects per kind, the resourceVersion counter and the event log. Every
// write goes through commit(), which bumps the counter, stores or removes the object and records the event.
import { createAllocator, type Allocator } from "./defaults";
import { clone, deepFreeze } from "./object-util";
import { typeKey } from "./builtin-types";
import { WatchHistory } from "./watch-history";
import type { KubeObject, ResourceType, StoredEvent, TypeRegistry, WatchEventType } from "./types";

export function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ""}/${name}`;
}

export class StoreCore {
  private counter = 1;
  private readonly objects = new Map<string, Map<string, KubeObject>>();
  readonly history: WatchHistory;
  readonly alloc: Allocator = createAllocator();

  constructor(readonly cluster: string, readonly types: TypeRegistry, historySize: number) {
    this.history = new WatchHistory(historySize);
  }

  get resourceVersion(): number {
    return this.counter;
  }

  private bucket(type: ResourceType): Map<string, KubeObject> {
    const key = typeKey(type);
    let map = this.objects.get(key);
    if (!map) this.objects.set(key, (map = new Map()));
    return map;
  }

  /** The stored object itself (never mutated: every write stores a new one). */
  peek(type: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.bucket(type).get(objectKey(type.namespaced ? namespace : undefined, name));
  }

  /** Stored objects ordered by namespace then name. */
  peekAll(type: ResourceType, namespace?: string): KubeObject[] {
    const items = [...this.bucket(type).values()].filter((o) => namespace === undefined || o.metadata.namespace === namespace);
    return items.sort(compareObjects);
  }

  commit(type: ResourceType, eventType: WatchEventType, object: KubeObject, previous?: KubeObject): KubeObject {
    this.counter += 1;
    const stored = clone(object);
    stored.metadata.resourceVersion = String(this.counter);
    deepFreeze(stored);
    const key = objectKey(stored.metadata.namespace, stored.metadata.name ?? "");
    if (eventType === "DELETED") this.bucket(type).delete(key);
    else this.bucket(type).set(key, stored);
    const event: StoredEvent = { type: eventType, object: stored, resourceVersion: this.counter };
    if (previous) event.previous = previous;
    this.history.append(typeKey(type), event);
    return stored;
  }
}

export function compareObjects(a: KubeObject, b: KubeObject): number {
  const na = a.metadata.namespace ?? "";
  const nb = b.metadata.namespace ?? "";
  if (na !== nb) return na < nb ? -1 : 1;
  const ma = a.metadata.name ?? "";
  const mb = b.metadata.name ?? "";
  return ma < mb ? -1 : ma > mb ? 1 : 0;
}
