// Turns stored events into the events one watcher sees: only its namespace, only objects its selectors match, and
// a change that moves an object into or out of the selection becomes ADDED or DELETED (the cacher's semantics:
// cacheWatcher.convertToWatchEvent sends, for an object leaving the selection, a DELETED carrying the previous
// object, the one that matched, stamped with the event's resourceVersion).
import type { Predicate } from "./selectors";
import type { KubeObject, StoredEvent, WatchEventType } from "./types";

export interface VisibleEvent {
  type: WatchEventType;
  object: KubeObject;
}

export function watchFilter(namespace: string | undefined, matches: Predicate): (event: StoredEvent) => VisibleEvent | undefined {
  const visible = (o: KubeObject | undefined) => o !== undefined && (namespace === undefined || o.metadata.namespace === namespace) && matches(o);
  return (event) => {
    const now = visible(event.object);
    if (event.type === "ADDED") return now ? { type: "ADDED", object: event.object } : undefined;
    if (event.type === "DELETED") return now ? { type: "DELETED", object: event.object } : undefined;
    const before = visible(event.previous);
    if (before && now) return { type: "MODIFIED", object: event.object };
    if (before && event.previous) return { type: "DELETED", object: leftAt(event.previous, event.object) };
    if (now) return { type: "ADDED", object: event.object };
    return undefined;
  };
}

/** The previous state of an object that left the selection, at the resourceVersion of the change that moved it. */
function leftAt(previous: KubeObject, current: KubeObject): KubeObject {
  return { ...previous, metadata: { ...previous.metadata, resourceVersion: current.metadata.resourceVersion } };
}
