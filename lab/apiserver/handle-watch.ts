// WATCH: `?watch=true` or the legacy /watch/ paths. Without a resourceVersion (or "0") the watcher first gets
// ADDED for every existing object; from a resourceVersion it gets exactly the later events, or one in-band 410
// Expired ERROR when that version is older than the kept history. sendInitialEvents=true (with
// resourceVersionMatch=NotOlderThan) streams the current state then a bookmark annotated k8s.io/initial-events-end.
import { type RequestContext } from "./context";
import { validateListOptions } from "./list-options";
import { parseFieldSelector, parseLabelSelector } from "./selectors";
import { waitUntilFresh } from "./freshness";
import { badRequest } from "./status";
import { StatusError } from "./types";
import { watchFilter } from "./watch-filter";
import { BOOKMARK_INTERVAL_MS, WatchStream } from "./watch-stream";

export interface WatchTuning {
  bookmarkIntervalMs?: number;
  /** The server-side watch lifetime bounds (upstream: a random duration around its request timeout). */
  minTimeoutMs?: number;
  maxTimeoutMs?: number;
  /** How long a watch from a future resourceVersion waits for it (upstream: 3 s). */
  freshnessTimeoutMs?: number;
  /** How long an overfull watcher may go unread before it is closed (watch-buffer.ts UNRESPONSIVE_MS). */
  unresponsiveMs?: number;
}

function parseResourceVersion(value: string | null): number | undefined {
  if (value === null || value === "" || value === "0") return undefined;
  if (!/^\d+$/.test(value)) throw badRequest(`invalid resource version: ${value}`);
  return Number(value);
}

function lifetimeMs(ctx: RequestContext, tuning: WatchTuning): number {
  const requested = Number(ctx.query.get("timeoutSeconds") ?? "NaN");
  if (Number.isFinite(requested) && requested > 0) return requested * 1000;
  const min = tuning.minTimeoutMs ?? 5 * 60_000;
  const max = tuning.maxTimeoutMs ?? 10 * 60_000;
  return min + Math.random() * (max - min);
}

interface WatchRequest {
  filter: ReturnType<typeof watchFilter>;
  /** Resume point; undefined starts from the current state. */
  from?: number;
  /** Whether the current objects are sent first as ADDED. */
  initialList: boolean;
  sendInitialEvents: boolean;
  bookmarks: boolean;
}

function parseWatch(ctx: RequestContext): WatchRequest {
  const { route, query } = ctx;
  validateListOptions(query, true);
  const labels = parseLabelSelector(query.get("labelSelector"));
  const fields = parseFieldSelector(route.type, query.get("fieldSelector"));
  const name = route.name;
  const filter = watchFilter(route.namespace, (o) => labels(o) && fields(o) && (name === undefined || o.metadata.name === name));
  const sendInitial = query.get("sendInitialEvents");
  const from = sendInitial === "true" ? undefined : parseResourceVersion(query.get("resourceVersion"));
  const initialList = sendInitial === "true" || (sendInitial === null && from === undefined);
  return { filter, from, initialList, sendInitialEvents: sendInitial === "true", bookmarks: query.get("allowWatchBookmarks") === "true" };
}

/** Runs `step`, turning a StatusError into the in-band ERROR event (what upstream does past admission). */
async function inBand(stream: WatchStream, step: () => void | Promise<void>): Promise<boolean> {
  try {
    await step();
    return !stream.isClosed;
  } catch (err) {
    if (!(err instanceof StatusError)) throw err;
    stream.fail(err.status);
    return false;
  }
}

export async function handleWatch(ctx: RequestContext, tuning: WatchTuning = {}): Promise<void> {
  const { store, route } = ctx;
  const request = parseWatch(ctx);
  const { filter, from } = request;
  const stream = new WatchStream(ctx, tuning.unresponsiveMs);
  if (from !== undefined && !(await inBand(stream, () => waitUntilFresh(store, from, tuning.freshnessTimeoutMs)))) return;
  const initial = request.initialList ? store.peek(route.type) : [];
  // sendInitialEvents=false without a resourceVersion means "from now".
  const start = from ?? (request.initialList ? undefined : Number(store.currentResourceVersion()));
  stream.initialEvents(true);
  const subscribed = await inBand(stream, () => {
    stream.onClose(store.watch(route.type, start, (event) => {
      const visible = filter(event);
      if (visible) stream.send(visible.type, visible.object);
    }, () => stream.close()));
  });
  if (!subscribed) return;
  for (const object of initial) {
    const visible = filter({ type: "ADDED", object, resourceVersion: 0 });
    if (visible) stream.send("ADDED", visible.object);
  }
  if (request.sendInitialEvents) stream.bookmark(store.currentResourceVersion(), true);
  stream.initialEvents(false);
  const lifetime = lifetimeMs(ctx, tuning);
  if (request.bookmarks) {
    stream.every(tuning.bookmarkIntervalMs ?? BOOKMARK_INTERVAL_MS, () => stream.bookmark(store.currentResourceVersion()));
    // cacheWatcher.nextBookmarkTime: a bookmark 2 s before the deadline, so the client resumes from a recent
    // resourceVersion after the timeout close (none when the watch is shorter than that).
    if (lifetime > PRE_TIMEOUT_BOOKMARK_MS) stream.at(lifetime - PRE_TIMEOUT_BOOKMARK_MS, () => stream.bookmark(store.currentResourceVersion()));
  }
  stream.endAfter(lifetime);
}

const PRE_TIMEOUT_BOOKMARK_MS = 2_000;
