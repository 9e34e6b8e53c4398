import type { FleetView } from "@/lib/fleet-schema";
import type { FeedEntry, FleetFeed } from "./feed";

export type ChangeDeps = { feed: FleetFeed; ready: () => Promise<void>; view: () => FleetView };

/**
 * Events one subscriber may have waiting. A browser that reads slower than the fleet changes (a stalled tab, a
 * slow link) would otherwise make the server hold every event for it; past this, its queue is dropped and it is
 * sent one `fleet-reset` with the whole current fleet instead, which the client folds like any reset.
 */
export const SUBSCRIBER_QUEUE_LIMIT = 256;

/**
 * The change stream behind the SSE subscription: subscribe first, then backfill, so no
 * event can fall between the two. A client resuming with a lastEventId the feed still
 * holds gets exactly the missed events; any other client first gets the whole fleet as a
 * `fleet-reset`, tagged with the id it corresponds to.
 */
export async function* fleetChanges(
  deps: ChangeDeps,
  lastEventId: string | null | undefined,
  signal: AbortSignal | undefined,
  queueLimit: number = SUBSCRIBER_QUEUE_LIMIT,
): AsyncGenerator<FeedEntry> {
  let queue: FeedEntry[] = [];
  let overflowed = false;
  let wake: (() => void) | undefined;
  const unsubscribe = deps.feed.subscribe((entry) => {
    if (queue.length >= queueLimit) {
      queue = [];
      overflowed = true;
    } else if (!overflowed) queue.push(entry);
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener("abort", onAbort);
  try {
    let sent = yield* backfill(deps, lastEventId);
    while (!signal?.aborted) {
      if (overflowed) {
        overflowed = false;
        queue = [];
        const entry = resetEntry(deps);
        sent = entry.seq;
        yield entry;
        continue;
      }
      const next = queue.shift();
      if (next === undefined) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      if (next.seq <= sent) continue; // already covered by the backfill
      sent = next.seq;
      yield next;
    }
  } finally {
    unsubscribe();
    signal?.removeEventListener("abort", onAbort);
  }
}

async function* backfill(
  deps: ChangeDeps,
  lastEventId: string | null | undefined,
): AsyncGenerator<FeedEntry, number> {
  const missed = lastEventId ? deps.feed.since(lastEventId) : "expired";
  if (missed !== "expired") {
    for (const entry of missed) yield entry;
    return missed.at(-1)?.seq ?? deps.feed.lastSeq();
  }
  await deps.ready();
  const entry = resetEntry(deps);
  yield entry;
  return entry.seq;
}

/** The whole fleet now, tagged with the feed id it corresponds to. */
function resetEntry(deps: ChangeDeps): FeedEntry {
  // Read the view and the id in the same synchronous step: they describe the same state.
  const fleet = deps.view();
  return { id: deps.feed.lastId(), seq: deps.feed.lastSeq(), event: { type: "fleet-reset", fleet } };
}
