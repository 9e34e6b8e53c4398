// The response side of one watch: newline-delimited JSON events on a chunked 200, as plain objects or
// single-row Tables (column definitions only on the first), bookmarks on request, and its lifetime (client
// timeoutSeconds, else a random 5–10 minutes like the apiserver's request timeout, or server shutdown).
// A watcher that does not read is closed, as the cacher closes an unresponsive watcher ("Forcing watcher close due
// to unresponsiveness") once its bounded input buffer is full: events wait here, unserialized and shared with the
// history, only while the socket pushes back, and past WATCH_BUFFER_EVENTS the stream ends. So a stalled client
// costs at most the socket's high-water mark, one event and the buffer's references, never a copy of every event.
// The initial events (the current state, or the replay from a resourceVersion) are exempt, as upstream streams
// them from the cache interval at the client's pace: they wait as references until the socket drains.
import { includeObject, served, type RequestContext } from "./context";
import { apiVersionOf } from "./define-type";
import { toTable } from "./table";
import type { KubeObject, Status } from "./types";

export type WireEventType = "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";

export const BOOKMARK_INTERVAL_MS = 60_000;

/** Events a watcher may have waiting while its client does not read (the cacher's watch channel is 10–1000). */
export const WATCH_BUFFER_EVENTS = 100;

/** A stored object (converted and serialized only when written) or a ready wire object (bookmark). */
type Pending = ({ type: "ADDED" | "MODIFIED" | "DELETED"; object: KubeObject; stored: true } | { type: "BOOKMARK"; object: unknown }) & { initial?: boolean };

export class WatchStream {
  private sentColumns = false;
  private closed = false;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly cleanups: Array<() => void> = [];
  private readonly waiting: Pending[] = [];
  private blocked = false;
  private initialPhase = false;
  /** Waiting entries that are initial events (not counted against WATCH_BUFFER_EVENTS). */
  private waitingInitial = 0;

  constructor(private readonly ctx: RequestContext) {
    ctx.res.writeHead(200, { "Content-Type": "application/json", "Transfer-Encoding": "chunked", "Cache-Control": "no-cache, private" });
    ctx.res.flushHeaders();
    const onClose = () => this.close();
    ctx.res.on("close", onClose);
    ctx.closing.addEventListener("abort", onClose);
    this.cleanups.push(() => ctx.closing.removeEventListener("abort", onClose));
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Ends the stream after `ms` (timeoutSeconds, or the server's own limit). */
  endAfter(ms: number): void {
    if (this.closed) return;
    this.timers.push(setTimeout(() => this.close(), ms));
  }

  /** Runs `task` once after `ms` unless the stream has ended by then. */
  at(ms: number, task: () => void): void {
    if (this.closed) return;
    this.timers.push(setTimeout(task, ms));
  }

  every(ms: number, task: () => void): void {
    if (this.closed) return;
    this.timers.push(setInterval(task, ms));
  }

  /** Runs `cleanup` when the stream ends (at once if it already has). */
  onClose(cleanup: () => void): void {
    if (this.closed) cleanup();
    else this.cleanups.push(cleanup);
  }

  send(type: "ADDED" | "MODIFIED" | "DELETED", object: KubeObject): void {
    this.enqueue({ type, object, stored: true });
  }

  /** Events sent between initialEvents(true) and initialEvents(false) wait for the client however many they are. */
  initialEvents(on: boolean): void {
    this.initialPhase = on;
  }

  private enqueue(item: Pending): void {
    if (this.closed) return;
    if (!this.blocked) return this.emit(item);
    if (this.initialPhase) {
      this.waitingInitial += 1;
      this.waiting.push({ ...item, initial: true });
      return;
    }
    if (this.waiting.length - this.waitingInitial >= WATCH_BUFFER_EVENTS) return this.close();
    this.waiting.push(item);
  }

  private readonly flush = (): void => {
    this.blocked = false;
    while (!this.blocked && !this.closed) {
      const next = this.waiting.shift();
      if (!next) return;
      if (next.initial) this.waitingInitial -= 1;
      this.emit(next);
    }
  };

  private emit(item: Pending): void {
    if (!("stored" in item)) return this.write(item.type, item.object);
    const out = served(this.ctx, item.object);
    if (this.ctx.output !== "table") return this.write(item.type, out);
    const table = toTable(this.ctx.route.type, [out], { resourceVersion: out.metadata.resourceVersion ?? "" }, includeObject(this.ctx), !this.sentColumns);
    this.sentColumns = true;
    this.write(item.type, table);
  }

  bookmark(resourceVersion: string, initialEventsEnd = false): void {
    const { route } = this.ctx;
    const metadata: Record<string, unknown> = { resourceVersion };
    if (initialEventsEnd) metadata.annotations = { "k8s.io/initial-events-end": "true" };
    this.enqueue({ type: "BOOKMARK", object: { kind: route.type.kind, apiVersion: apiVersionOf(route.group, route.version), metadata } });
  }

  /** One in-band ERROR event, then the stream ends (what the cacher does for 410 Expired). */
  fail(status: Status): void {
    this.write("ERROR", status);
    this.close();
  }

  private write(type: WireEventType, object: unknown): void {
    if (this.closed) return;
    if (this.ctx.res.write(`${JSON.stringify({ type, object })}\n`)) return;
    // The socket pushes back: later events wait (bounded) until it drains.
    this.blocked = true;
    this.ctx.res.once("drain", this.flush);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.timers.forEach((t) => clearTimeout(t));
    this.cleanups.forEach((c) => c());
    this.waiting.length = 0;
    this.ctx.res.off("drain", this.flush);
    this.ctx.res.end();
  }
}
