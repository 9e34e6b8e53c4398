// The stream behind `workspace.onChange`: one workspace's slice fingerprint, sent when it changes. The fingerprint is
// the event id too, so a browser that reconnects sends the last one back (lastEventId) and hears nothing until the
// slice differs from it; a new page hears the current one first (it may have missed a change since its query). Only
// the newest fingerprint is kept while the browser reads, so a slow reader holds one string, never a backlog.
import type { SliceTracker } from "./slice-tracker";

export type SliceChange = { version: string };

export async function* sliceChanges(
  tracker: SliceTracker,
  workspace: string,
  lastEventId: string | null | undefined,
  signal: AbortSignal | undefined,
): AsyncGenerator<SliceChange> {
  let pending: string | undefined;
  let wake: (() => void) | undefined;
  // Watch first, then read the current fingerprint: no change can fall between the two.
  const watch = tracker.watch(workspace, (fingerprint) => {
    pending = fingerprint;
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener("abort", onAbort);
  try {
    let sent = lastEventId ?? undefined;
    pending = watch.current();
    while (!signal?.aborted) {
      if (pending === undefined || pending === sent) {
        pending = undefined;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      sent = pending;
      pending = undefined;
      yield { version: sent };
    }
  } finally {
    watch.stop();
    signal?.removeEventListener("abort", onAbort);
  }
}
