// A read at a resourceVersion the cluster has not reached yet: the watch cache waits up to 3 s for it
// (waitUntilFreshAndBlock), then fails with 504 Timeout "Too large resource version" so clients relist — what a
// client holding a version from before a lab restart sees.
import { statusError } from "./status";
import type { ClusterStore } from "./types";
import type { StatusError } from "./types";

export const FRESHNESS_TIMEOUT_MS = 3000;

export function tooLargeResourceVersion(requested: number, current: string): StatusError {
  return statusError(504, "Timeout", `Too large resource version: ${requested}, current: ${current}`, {
    causes: [{ reason: "ResourceVersionTooLarge", message: "Too large resource version" }],
    retryAfterSeconds: 1,
  });
}

/** Resolves once the store's counter reaches `requested`; rejects with the 504 after the timeout. */
export async function waitUntilFresh(store: ClusterStore, requested: number, timeoutMs = FRESHNESS_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Number(store.currentResourceVersion()) < requested) {
    if (Date.now() >= deadline) throw tooLargeResourceVersion(requested, store.currentResourceVersion());
    // Server-side wait for other requests' writes (the counter has no change notification across kinds).
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
