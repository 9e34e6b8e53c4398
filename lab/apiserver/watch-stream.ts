// The response side of one watch: newline-delimited JSON events on a chunked 200, as plain objects or
// single-row Tables (column definitions only on the first), bookmarks on request, and its lifetime (client
// timeoutSeconds, else a random 5–10 minutes like the apiserver's request timeout, or server shutdown).
import { includeObject, served, type RequestContext } from "./context";
import { apiVersionOf } from "./define-type";
import { toTable } from "./table";
import type { KubeObject, Status } from "./types";

export type WireEventType = "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";

export const BOOKMARK_INTERVAL_MS = 60_000;

export class WatchStream {
  private sentColumns = false;
  private closed = false;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly cleanups: Array<() => void> = [];

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
    const out = served(this.ctx, object);
    if (this.ctx.output !== "table") return this.write(type, out);
    const table = toTable(this.ctx.route.type, [out], { resourceVersion: out.metadata.resourceVersion ?? "" }, includeObject(this.ctx), !this.sentColumns);
    this.sentColumns = true;
    this.write(type, table);
  }

  bookmark(resourceVersion: string, initialEventsEnd = false): void {
    const { route } = this.ctx;
    const metadata: Record<string, unknown> = { resourceVersion };
    if (initialEventsEnd) metadata.annotations = { "k8s.io/initial-events-end": "true" };
    this.write("BOOKMARK", { kind: route.type.kind, apiVersion: apiVersionOf(route.group, route.version), metadata });
  }

  /** One in-band ERROR event, then the stream ends (what the cacher does for 410 Expired). */
  fail(status: Status): void {
    this.write("ERROR", status);
    this.close();
  }

  private write(type: WireEventType, object: unknown): void {
    if (this.closed) return;
    this.ctx.res.write(`${JSON.stringify({ type, object })}\n`);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.timers.forEach((t) => clearTimeout(t));
    this.cleanups.forEach((c) => c());
    this.ctx.res.end();
  }
}
