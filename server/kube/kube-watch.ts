import type { Agent } from "node:http";
import { Watch, type KubeConfig } from "@kubernetes/client-node";
import { KubeHttpError } from "./kube-http";
import { parseStatus, systemCode } from "./kube-status";

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

type Handlers = { onOpen: () => void; onEvent: (event: WatchEvent) => void };

/**
 * One watch request from `resourceVersion`, through client-node's Watch. Resolves when the server
 * ends the stream (normal: timeoutSeconds elapsed, or after an ERROR event), rejects when the
 * connection fails, hangs before answering, goes silent for longer than the server promised, or is
 * cut. Events are delivered in order, one JSON object per line (client-node skips lines that are
 * not JSON).
 */
export async function watchOnce(kc: KubeConfig, path: string, resourceVersion: string, signal: AbortSignal, timings: WatchTimings, handlers: Handlers): Promise<void> {
  const cut = new AbortController();
  const stop = () => cut.abort();
  signal.addEventListener("abort", stop, { once: true });
  let timedOut = false;
  let timer = setTimeout(() => ((timedOut = true), stop()), timings.connectTimeoutMs);
  // Silence longer than the server's own deadline (plus slack) means a dead connection.
  const idleMs = timings.timeoutSeconds * 1000 + timings.connectTimeoutMs;
  const rearm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => ((timedOut = true), stop()), idleMs);
  };
  try {
    await new Promise<void>((resolve, reject) => {
      let failure: unknown;
      let finished = false;
      const query = { resourceVersion, allowWatchBookmarks: "true", timeoutSeconds: String(timings.timeoutSeconds) };
      const onLine = (type: string, object: unknown) => {
        if (failure !== undefined) return;
        rearm();
        try {
          handlers.onEvent(toEvent(type, object));
        } catch (err) {
          // client-node swallows callback errors; remember ours and end the stream.
          failure = err;
          stop();
        }
      };
      const done = (err: unknown) => {
        finished = true;
        if (failure !== undefined) reject(failure);
        else if (timedOut) reject(Object.assign(new Error("watch timed out"), { name: "AbortError" }));
        else if (err) reject(asHttpError(err));
        else resolve();
      };
      new Watch(abortable(kc, cut.signal, timings.connectTimeoutMs)).watch(path, query, onLine, done).then((request) => {
        cut.signal.addEventListener("abort", () => request.abort(), { once: true });
        if (cut.signal.aborted) request.abort();
        if (!finished) {
          handlers.onOpen();
          rearm();
        }
      }, reject);
    });
  } finally {
    clearTimeout(timer);
    signal.removeEventListener("abort", stop);
  }
}

/**
 * client-node's Watch hands back its AbortController only once the response headers arrive, so a
 * server that accepts the connection and never answers could hold it forever. This view of the
 * KubeConfig gives the request client-node's own header timeout and destroys the request's agent
 * (created per request by client-node) when `signal` aborts. Everything else — server URL,
 * credentials, TLS — is the KubeConfig's own.
 */
function abortable(kc: KubeConfig, signal: AbortSignal, headerTimeoutMs: number): KubeConfig {
  const view = Object.create(kc) as KubeConfig;
  view.applyToFetchOptions = async (options) => {
    const init = await kc.applyToFetchOptions(options);
    const agent = init.agent as Agent | undefined;
    if (agent && typeof agent.destroy === "function") {
      if (signal.aborted) agent.destroy();
      else signal.addEventListener("abort", () => agent.destroy(), { once: true });
    }
    return { ...init, timeout: headerTimeoutMs };
  };
  return view;
}

function asHttpError(err: unknown): unknown {
  const { statusCode, type } = (err ?? {}) as { statusCode?: unknown; type?: unknown };
  if (typeof statusCode === "number") return new KubeHttpError(statusCode, {});
  // node-fetch's own header timeout (set above): the server accepted but never answered.
  if (type === "request-timeout") return Object.assign(new Error("watch timed out"), { name: "AbortError" });
  // The server dropped an open stream (node-fetch: "Premature close"): the connection was cut.
  if (systemCode(err) === "ERR_STREAM_PREMATURE_CLOSE") return Object.assign(new Error("watch cut"), { code: "ECONNRESET" });
  return err;
}

function toEvent(type: string, object: unknown): WatchEvent {
  if (type === "ERROR") {
    const status = parseStatus(object);
    return { type: "ERROR", code: status.code ?? 500, reason: status.reason };
  }
  if (type === "ADDED" || type === "MODIFIED" || type === "DELETED" || type === "BOOKMARK") return { type, object };
  throw new Error(`unknown watch event type ${type}`);
}
