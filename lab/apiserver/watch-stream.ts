// The response side of one watch: newline-delimited JSON events on a chunked 200, as plain objects or
// single-row Tables (column definitions only on the first), bookmarks on request, and its lifetime (client
// timeoutSeconds, else a random 5–10 minutes like the apiserver's request timeout, or server shutdown).
// A watcher that does not read is closed, as the cacher closes an unresponsive watcher ("Forcing watcher close due
// to unresponsiveness"): events wait in its bounded buffer (watch-buffer.ts) only while the socket pushes back, so
// a stalled client costs the socket's high-water mark, one event and the buffer's references, never a copy of
// every event.
import { includeObject, served, type RequestContext } from "./context";
import { apiVersionOf } from "./define-type";
import { toTable } from "./table";
import type { KubeObject, Status } from "./types";
import { WatchBuffer } from "./watch-buffer";

export type WireEventType = "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";

export const BOOKMARK_INTERVAL_MS = 60_000;

/** A stored object (converted and serialized only when written) or a ready wire object (bookmark). */
type Pending = { type: "ADDED" | "MODIFIED" | "DELETED"; object: KubeObject; stored: true } | { type: "BOOKMARK"; object: unknown };

export class WatchStream {
  private sentColumns = false;
  private closed = false;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly cleanups: Array<() => void> = [];
  private readonly buffer: WatchBuffer<Pending>;

  /** `unresponsiveMs`: how long an overfull watcher may go unread before it is closed (watch-buffer.ts). */
  constructor(private readonly ctx: RequestContext, unresponsiveMs?: number) {
    this.buffer = new WatchBuffer<Pending>({
      write: (item) => this.emit(item),
      onDrain: (listener) => ctx.res.once("drain", listener),
      offDrain: (listener) => ctx.res.off("drain", listener),
      terminate: () => this.close(),
    }, unresponsiveMs);
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
    if (!this.closed) this.buffer.push({ type, object, stored: true });
  }

  /** Events sent between initialEvents(true) and initialEvents(false) wait for the client however many they are. */
  initialEvents(on: boolean): void {
    this.buffer.initialPhase = on;
  }

  /** Writes one event; false when the socket pushes back. */
  private emit(item: Pending): boolean {
    if (!("stored" in item)) return this.write(item.type, item.object);
    const out = served(this.ctx, item.object);
    if (this.ctx.output !== "table") return this.write(item.type, out);
    const table = toTable(this.ctx.route.type, [out], { resourceVersion: out.metadata.resourceVersion ?? "" }, includeObject(this.ctx), !this.sentColumns);
    this.sentColumns = true;
    return this.write(item.type, table);
  }

  bookmark(resourceVersion: string, initialEventsEnd = false): void {
    const { route } = this.ctx;
    const metadata: Record<string, unknown> = { resourceVersion };
    if (initialEventsEnd) metadata.annotations = { "k8s.io/initial-events-end": "true" };
    if (!this.closed) this.buffer.push({ type: "BOOKMARK", object: { kind: route.type.kind, apiVersion: apiVersionOf(route.group, route.version), metadata } });
  }

  /** One in-band ERROR event, then the stream ends (what the cacher does for 410 Expired). */
  fail(status: Status): void {
    this.write("ERROR", status);
    this.close();
  }

  private write(type: WireEventType, object: unknown): boolean {
    if (this.closed) return true;
    return this.ctx.res.write(`${JSON.stringify({ type, object })}\n`);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.timers.forEach((t) => clearTimeout(t));
    this.cleanups.forEach((c) => c());
    this.buffer.stop();
    this.ctx.res.end();
  }
}
