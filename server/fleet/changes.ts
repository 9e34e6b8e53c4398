import type { FleetView } from "@/lib/fleet-schema";
import type { FeedEntry, FleetFeed } from "./feed";

export type ChangeDeps = { feed: FleetFeed; ready: () => Promise<void>; view: () => FleetView };

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
): AsyncGenerator<FeedEntry> {
  const queue: FeedEntry[] = [];
  let wake: (() => void) | undefined;
  const unsubscribe = deps.feed.subscribe((entry) => {
    queue.push(entry);
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener("abort", onAbort);
  try {
    let sent = yield* backfill(deps, lastEventId);
    while (!signal?.aborted) {
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
  // Read the view and the id in the same synchronous step: they describe the same state.
  const fleet = deps.view();
  const seq = deps.feed.lastSeq();
  yield { id: deps.feed.lastId(), seq, event: { type: "fleet-reset", fleet } };
  return seq;
}
