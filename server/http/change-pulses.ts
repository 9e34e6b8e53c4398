// The loop behind the "tell me when it changed" SSE subscriptions (topology.onChange, drills.onChange): read the
// current version at once, then again after each burst of change notifications (coalesced: a slow reader hears
// one, never a backlog), and send it when its key differs from the last one sent — or from the browser's
// lastEventId, so a reconnect hears nothing until something changed. The listener is registered before the first
// read, so no change can fall between subscribing and reading. Ends when the request's signal aborts.

export type ChangedVersions<T> = {
  /** Registers a listener; returns its removal (called when the stream ends). */
  subscribe: (listener: () => void) => () => void;
  read: () => T | Promise<T>;
  /** The event id of a version. */
  key: (version: T) => string;
  lastEventId: string | null | undefined;
  signal: AbortSignal | undefined;
};

export async function* changedVersions<T>(options: ChangedVersions<T>): AsyncGenerator<T, void, void> {
  let dirty = true;
  let wake: (() => void) | undefined;
  const off = options.subscribe(() => {
    dirty = true;
    wake?.();
  });
  const { signal } = options;
  const onAbort = () => wake?.();
  signal?.addEventListener("abort", onAbort);
  try {
    let sent = options.lastEventId ?? undefined;
    while (!signal?.aborted) {
      if (!dirty) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      dirty = false;
      const version = await options.read();
      const key = options.key(version);
      if (key === sent) continue;
      sent = key;
      yield version;
    }
  } finally {
    off();
    signal?.removeEventListener("abort", onAbort);
  }
}
