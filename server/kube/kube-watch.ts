import type { KubeConfig } from "@kubernetes/client-node";
import { kubeGet } from "./kube-http";

export type WatchEvent =
  | { type: "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK"; object: unknown }
  /** In-band error: the API server sends a Status (410 Expired when the resourceVersion is too old) and closes. */
  | { type: "ERROR"; code: number; reason: string | undefined };

export type WatchTimings = {
  /** How long to wait for the response headers; a hung server is noticed within this. */
  connectTimeoutMs: number;
  /** Asked of the server: it ends the watch after this long (we then resume from the last resourceVersion). */
  timeoutSeconds: number;
};

/**
 * One watch request from `resourceVersion`. Resolves when the server ends the stream
 * (normal: timeoutSeconds elapsed, or after an ERROR event), rejects when the connection
 * fails, hangs before answering, goes silent for longer than the server promised, or is
 * cut. Events are delivered in order, one JSON object per line.
 */
export async function watchOnce(
  kc: KubeConfig,
  path: string,
  resourceVersion: string,
  signal: AbortSignal,
  timings: WatchTimings,
  handlers: { onOpen: () => void; onEvent: (event: WatchEvent) => void },
): Promise<void> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  signal.addEventListener("abort", abort, { once: true });
  let timer = setTimeout(abort, timings.connectTimeoutMs);
  try {
    const query = { watch: "true", resourceVersion, allowWatchBookmarks: "true", timeoutSeconds: String(timings.timeoutSeconds) };
    const res = await kubeGet(kc, path, query, controller.signal);
    handlers.onOpen();
    // Silence longer than the server's own deadline (plus slack) means a dead connection.
    const idleMs = timings.timeoutSeconds * 1000 + timings.connectTimeoutMs;
    const rearm = () => {
      clearTimeout(timer);
      timer = setTimeout(abort, idleMs);
    };
    rearm();
    await new Promise<void>((resolve, reject) => {
      let buffered = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        rearm();
        buffered += chunk;
        try {
          for (let newline = buffered.indexOf("\n"); newline >= 0; newline = buffered.indexOf("\n")) {
            const line = buffered.slice(0, newline).trim();
            buffered = buffered.slice(newline + 1);
            if (line) handlers.onEvent(parseEvent(line));
          }
        } catch (err) {
          // A line that is not a watch event: this stream cannot be trusted any more.
          res.destroy();
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
      res.on("end", resolve);
      res.on("error", reject);
      res.on("close", () => {
        if (!res.complete) reject(controller.signal.aborted ? abortError() : Object.assign(new Error("watch cut"), { code: "ECONNRESET" }));
      });
    });
  } finally {
    clearTimeout(timer);
    signal.removeEventListener("abort", abort);
  }
}

function abortError(): Error {
  return Object.assign(new Error("watch timed out"), { name: "AbortError" });
}

function parseEvent(line: string): WatchEvent {
  const parsed = JSON.parse(line) as { type?: unknown; object?: { code?: unknown; reason?: unknown } };
  if (parsed.type === "ERROR") {
    const code = typeof parsed.object?.code === "number" ? parsed.object.code : 500;
    const reason = typeof parsed.object?.reason === "string" ? parsed.object.reason : undefined;
    return { type: "ERROR", code, reason };
  }
  if (parsed.type === "ADDED" || parsed.type === "MODIFIED" || parsed.type === "DELETED" || parsed.type === "BOOKMARK") {
    return { type: parsed.type, object: parsed.object };
  }
  throw new Error(`unknown watch event type ${String(parsed.type)}`);
}
