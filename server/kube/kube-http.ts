import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { KubeConfig } from "@kubernetes/client-node";

/** An HTTP error answer from the API server; `code` is the status, as client-node's ApiException has it. */
export class KubeHttpError extends Error {
  readonly code: number;
  /** The Status object's `reason` (e.g. "Expired", "NotFound"), when the body had one. */
  readonly statusReason: string | undefined;

  constructor(code: number, statusReason: string | undefined) {
    super(`HTTP ${code}${statusReason ? ` ${statusReason}` : ""}`);
    this.name = "KubeHttpError";
    this.code = code;
    this.statusReason = statusReason;
  }
}

/**
 * Opens a GET against the cluster of `kc` (its only context) and resolves with the response
 * once a 2xx status line arrives. Credentials, CA and client certificates come from
 * client-node (`applyToHTTPSOptions`, which also runs token files and exec plugins); we use
 * node's own http(s) so a hung server can be cut off by `signal` at any moment — client-node
 * 1.4's Watch cannot be aborted before the response headers arrive.
 */
export async function kubeGet(
  kc: KubeConfig,
  path: string,
  query: Record<string, string>,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const server = kc.getCurrentCluster()?.server;
  if (!server) throw new Error("kubeconfig context without a cluster");
  const url = new URL(server.replace(/\/+$/, "") + path);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  const options: https.RequestOptions = { method: "GET", headers: { Accept: "application/json" } };
  await kc.applyToHTTPSOptions(options);
  signal.throwIfAborted();
  const transport = url.protocol === "https:" ? https : http;
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = transport.request(url, { ...options, signal }, resolve);
    req.on("error", reject);
    req.end();
  });
  if (res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300) return res;
  const body = await readBody(res, signal).catch(() => "");
  throw new KubeHttpError(res.statusCode ?? 0, statusReason(body));
}

/** Reads a whole (JSON) response body. */
export function readBody(res: IncomingMessage, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const onAbort = () => res.destroy(new Error("aborted"));
    signal.addEventListener("abort", onAbort, { once: true });
    res.on("data", (chunk: Buffer) => chunks.push(chunk));
    res.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    res.on("error", reject);
    res.on("close", () => {
      signal.removeEventListener("abort", onAbort);
      if (!res.complete) reject(Object.assign(new Error("response cut short"), { code: "ECONNRESET" }));
    });
  });
}

function statusReason(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { reason?: unknown };
    return typeof parsed.reason === "string" ? parsed.reason : undefined;
  } catch {
    return undefined;
  }
}
