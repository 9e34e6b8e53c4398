// What the application gets back, for each way a sidecar's request can end. Envoy's own replies carry its usual
// bodies ("no healthy upstream", "upstream connect error or disconnect/reset before headers. reset reason: …") and
// the flags its access log shows; an upstream's response is passed through with its status, headers and body.
import type { IncomingHttpHeaders } from "node:http";
import type { MeshResponse } from "./types";

export const NO_HEALTHY_UPSTREAM = "no healthy upstream";
export const CONNECT_FAILURE = "upstream connect error or disconnect/reset before headers. reset reason: connection failure";
export const CONNECTION_TERMINATION = "upstream connect error or disconnect/reset before headers. reset reason: connection termination";

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text === "" ? null : text;
}

/** An Envoy local reply (no upstream response): 503 with Envoy's text body, or 404 for no route. */
export function localReply(status: number, body: string, flags: string, latencyMs: number): MeshResponse {
  return { status, latencyMs, servedByCluster: null, servedByPod: null, error: body === "" ? `HTTP ${status}` : body, responseFlags: flags };
}

/** Nothing came back at all (DNS failure, or the caller gave up): status 0. */
export function noResponse(error: string, flags: string, latencyMs: number): MeshResponse {
  return { status: 0, latencyMs, servedByCluster: null, servedByPod: null, error, responseFlags: flags };
}

function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** An upstream's response as the application sees it; an error response's text body (not JSON) is its `error`. */
export function upstreamReply(status: number, headers: IncomingHttpHeaders, text: string, flags: string, latencyMs: number): MeshResponse {
  const body = parseBody(text);
  const error = status >= 400 ? (body === undefined && text !== "" ? text.slice(0, 200) : `HTTP ${status}`) : null;
  return {
    status, latencyMs,
    servedByCluster: header(headers, "x-served-by-cluster"),
    servedByPod: header(headers, "x-served-by-pod"),
    error, responseFlags: flags,
    ...(body === undefined ? {} : { body }),
  };
}

/** Who served it, for the source reporter's destination_* labels ("unknown" when the response does not say). */
export function servedWorkload(headers: IncomingHttpHeaders | undefined): { cluster: string; workload: string; namespace: string } {
  const h = headers ?? {};
  return {
    cluster: header(h, "x-served-by-cluster") ?? "unknown",
    workload: header(h, "x-served-by-workload") ?? "unknown",
    namespace: header(h, "x-served-by-namespace") ?? "unknown",
  };
}
