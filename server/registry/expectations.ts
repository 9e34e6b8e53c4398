// What the registry wrote recently ("expectations", as client-go controllers keep them): a resync that runs before
// the cache has seen our own write must not write the same content again. An expectation is for one content on
// one live version (the token), and only for a while: past its time it says nothing, so it is dropped. Kept
// forever, they were one entry per object ever written (580,000 at 20 × 500: ~150 MiB the collector walked on
// every major GC, for answers nobody asked any more).
//
// Timed entries live in a Map in the order they expire: every one has the same time to live, so re-remembering a
// key moves it to the end (delete, then set) and the expired ones are always at the front. Writes of a kind the
// cache does not observe cannot be confirmed by it and never expire; they are kept apart, so they never hold up
// the front of the timed ones.

type Entry = { token: string; until: number };

export type Expectations = {
  /** True while `key` was last written with this `token` and the expectation has not expired. */
  holds: (key: string, token: string, now: number) => boolean;
  /** A successful write of `token` to `key`; `forever` for writes the cache cannot confirm. */
  remember: (key: string, token: string, now: number, forever: boolean) => void;
  /** A failed write: nothing is expected of `key` any more. */
  forget: (key: string) => void;
  /** Entries kept now (for tests and figures). */
  size: () => number;
};

export function createExpectations(ttlMs: number): Expectations {
  const timed = new Map<string, Entry>();
  const forever = new Map<string, string>();

  function prune(now: number): void {
    for (const [key, entry] of timed) {
      if (entry.until > now) return;
      timed.delete(key);
    }
  }

  return {
    holds(key, token, now) {
      if (forever.get(key) === token) return true;
      const entry = timed.get(key);
      return entry !== undefined && entry.token === token && now < entry.until;
    },
    remember(key, token, now, keep) {
      timed.delete(key);
      forever.delete(key);
      if (keep) forever.set(key, token);
      else timed.set(key, { token, until: now + ttlMs });
      prune(now);
    },
    forget(key) {
      timed.delete(key);
      forever.delete(key);
    },
    size: () => timed.size + forever.size,
  };
}
