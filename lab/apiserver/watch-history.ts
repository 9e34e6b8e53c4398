// The bounded event logs behind watches and consistent paging. The resourceVersion counter is cluster-wide (like
// etcd's revision) but, as in the apiserver's watch cache, each kind keeps its own window of the last `size`
// events: a resume from before the oldest kept event of that kind is answered 410 Expired, the signal clients use
// to relist, while a quiet kind stays resumable however busy the others are.
import { expired } from "./status";
import type { StoredEvent } from "./types";

type Listener = (event: StoredEvent) => void;

interface Subscriber {
  listener: Listener;
  onEnd?: () => void;
}

/** An event to deliver, or the end of a kind (its CRD is gone): its watches are closed, after the events before. */
type Pending = [string, StoredEvent | "end"];

interface Window {
  events: StoredEvent[];
  /** The resourceVersion of the newest event dropped from this window (0 while nothing was dropped). */
  compactedThrough: number;
}

export class WatchHistory {
  private readonly windows = new Map<string, Window>();
  private readonly listeners = new Map<string, Set<Subscriber>>();
  // Listeners may write from inside a callback (a controller reacting to an event); queueing delivery keeps every
  // listener seeing events in resourceVersion order even then.
  private readonly pending: Pending[] = [];
  private delivering = false;

  constructor(private readonly size: number) {}

  private window(typeKey: string): Window {
    let window = this.windows.get(typeKey);
    if (!window) this.windows.set(typeKey, (window = { events: [], compactedThrough: 0 }));
    return window;
  }

  append(typeKey: string, event: StoredEvent): void {
    const window = this.window(typeKey);
    window.events.push(event);
    while (window.events.length > this.size) {
      const dropped = window.events.shift();
      if (dropped) window.compactedThrough = dropped.resourceVersion;
    }
    this.enqueue([typeKey, event]);
  }

  /**
   * Ends every watch of one kind (upstream tears down a deleted CRD's storage, which closes its watches; clients
   * relist and find the type gone). Subscribers without an end callback are just dropped.
   */
  end(typeKey: string): void {
    this.enqueue([typeKey, "end"]);
  }

  private enqueue(item: Pending): void {
    this.pending.push(item);
    if (this.delivering) return;
    this.delivering = true;
    try {
      for (let next = this.pending.shift(); next; next = this.pending.shift()) {
        const [key, queued] = next;
        const subscribers = [...(this.listeners.get(key) ?? [])];
        if (queued === "end") {
          this.listeners.delete(key);
          for (const s of subscribers) if (s.onEnd) deliverEnd(s.onEnd);
        } else for (const s of subscribers) deliver(s.listener, queued);
      }
    } finally {
      this.delivering = false;
    }
  }

  /** Kept events of one kind after `resourceVersion`, or 410 Expired when some were already dropped. */
  since(typeKey: string, resourceVersion: number, current: number): StoredEvent[] {
    const window = this.window(typeKey);
    if (resourceVersion < window.compactedThrough) {
      // Same shape as the watch cache: "too old resource version: <requested> (<oldest available - 1>)".
      throw expired(`too old resource version: ${resourceVersion} (${window.compactedThrough})`);
    }
    if (resourceVersion >= current) return [];
    return window.events.filter((e) => e.resourceVersion > resourceVersion);
  }

  subscribe(typeKey: string, listener: Listener, onEnd?: () => void): () => void {
    let set = this.listeners.get(typeKey);
    if (!set) this.listeners.set(typeKey, (set = new Set()));
    const subscriber: Subscriber = onEnd ? { listener, onEnd } : { listener };
    set.add(subscriber);
    return () => void this.listeners.get(typeKey)?.delete(subscriber);
  }
}

function deliverEnd(onEnd: () => void): void {
  try {
    onEnd();
  } catch (err) {
    console.error("watch end callback failed", err);
  }
}

// One failing subscriber must not stop delivery to the others (nor leave events queued).
function deliver(listener: Listener, event: StoredEvent): void {
  try {
    listener(event);
  } catch (err) {
    console.error("watch listener failed", err);
  }
}
