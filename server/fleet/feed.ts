import { randomBytes } from "node:crypto";
import type { FleetEvent } from "@/lib/fleet-schema";

/** One published change. `id` is what SSE sends as the event id and gets back as lastEventId. */
export type FeedEntry = { id: string; seq: number; event: FleetEvent };

export type FleetFeed = ReturnType<typeof createFleetFeed>;

/**
 * A small in-process change feed: increasing ids, a bounded backlog for resume, listeners.
 * Ids carry a per-process epoch so a client that resumes against a restarted server (whose
 * counter started again at 0) is told to start over instead of silently missing events.
 */
export function createFleetFeed(options: { backlogSize?: number; epoch?: string } = {}) {
  const backlogSize = options.backlogSize ?? 256;
  const epoch = options.epoch ?? randomBytes(4).toString("hex");
  const backlog: FeedEntry[] = [];
  const listeners = new Set<(entry: FeedEntry) => void>();
  let seq = 0;

  const idOf = (n: number) => `${epoch}.${n}`;

  return {
    lastSeq: () => seq,
    lastId: () => idOf(seq),
    publish(event: FleetEvent): FeedEntry {
      seq += 1;
      const entry = { id: idOf(seq), seq, event };
      backlog.push(entry);
      if (backlog.length > backlogSize) backlog.shift();
      for (const listener of listeners) listener(entry);
      return entry;
    },
    /** Entries after `id`, or "expired" when the feed can no longer tell (other epoch, too old). */
    since(id: string): FeedEntry[] | "expired" {
      const [idEpoch, raw] = id.split(".");
      const after = Number(raw);
      if (idEpoch !== epoch || !Number.isInteger(after) || after < 0 || after > seq) return "expired";
      const oldest = backlog[0]?.seq ?? seq + 1;
      if (after < oldest - 1) return "expired";
      return backlog.filter((e) => e.seq > after);
    },
    subscribe(listener: (entry: FeedEntry) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
