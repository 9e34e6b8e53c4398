// The event logs behind watches and consistent paging. The resourceVersion counter is cluster-wide (like etcd's
// revision) and history is lost by time, as etcd loses it: the apiserver compacts etcd every 5 minutes
// (--etcd-compaction-interval), so a resourceVersion or continue token stays usable for about that long however
// many writes happen meanwhile. A resume from before the oldest kept event of a kind is answered 410 Expired, the
// signal clients use to relist. Each kind keeps its own window, so a quiet kind stays resumable after the others'
// events are dropped. An optional count cap (`size`) exists for tests that need a small window.
import { expired } from "./status";
import type { StoredEvent } from "./types";

/** The apiserver's default --etcd-compaction-interval. */
export const COMPACTION_INTERVAL_MS = 5 * 60_000;

export interface HistoryLimits {
  /** At most this many events per kind (unset: no count limit, only time). */
  size?: number;
  /** Events older than this are compacted (default COMPACTION_INTERVAL_MS). */
  retentionMs?: number;
}

interface TimedEvent {
  event: StoredEvent;
  at: number;
}

type Listener = (event: StoredEvent) => void;

interface Subscriber {
  listener: Listener;
  onEnd?: () => void;
}

/** An event to deliver, or the end of a kind (its CRD is gone): its watches are closed, after the events before. */
type Pending = [string, StoredEvent | "end"];

interface Window {
  events: TimedEvent[];
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

  private readonly size: number;
  private readonly retentionMs: number;

  /** A number is the count cap alone (time retention still applies). */
  constructor(limits: number | HistoryLimits = {}) {
    const { size, retentionMs } = typeof limits === "number" ? { size: limits, retentionMs: undefined } : limits;
    this.size = size ?? Number.POSITIVE_INFINITY;
    this.retentionMs = retentionMs ?? COMPACTION_INTERVAL_MS;
  }

  private window(typeKey: string): Window {
    let window = this.windows.get(typeKey);
    if (!window) this.windows.set(typeKey, (window = { events: [], compactedThrough: 0 }));
    return window;
  }

  append(typeKey: string, event: StoredEvent): void {
    const window = this.window(typeKey);
    window.events.push({ event, at: Date.now() });
    this.compact(window);
    this.sweep();
    this.enqueue([typeKey, event]);
  }

  private lastSweep = 0;

  /** Compacts the quiet kinds too (at most once a second), so their old events do not outlive the retention. */
  private sweep(): void {
    const now = Date.now();
    if (now - this.lastSweep < 1000) return;
    this.lastSweep = now;
    for (const window of this.windows.values()) this.compact(window);
  }

  /** Drops what etcd compaction would have removed by now (lazily: on each append and each read). */
  private compact(window: Window): void {
    const horizon = Date.now() - this.retentionMs;
    let drop = 0;
    while (drop < window.events.length && (window.events.length - drop > this.size || (window.events[drop]?.at ?? 0) < horizon)) drop += 1;
    if (drop === 0) return;
    window.compactedThrough = window.events[drop - 1]?.event.resourceVersion ?? window.compactedThrough;
    window.events.splice(0, drop);
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
    this.compact(window);
    if (resourceVersion < window.compactedThrough) {
      // Same shape as the watch cache: "too old resource version: <requested> (<oldest available - 1>)".
      throw expired(`too old resource version: ${resourceVersion} (${window.compactedThrough})`);
    }
    if (resourceVersion >= current) return [];
    return window.events.filter((e) => e.event.resourceVersion > resourceVersion).map((e) => e.event);
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
