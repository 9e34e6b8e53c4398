// The tRPC endpoint with the bounds tRPC does not keep itself, checked before any work that grows with the
// request: at most MAX_BATCH_CALLS calls per batch (400), a body of at most MAX_BODY_BYTES (413, read with a
// limit, never buffered whole), and at most MAX_STREAMS_PER_CLIENT open SSE subscriptions per client (429).
// app/api/trpc/[trpc]/route.ts serves it with the process's context; tests call it with their own.
import type { AnyTRPCRouter } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { grouped } from "@/lib/validation/bounded-text";
import { MAX_BATCH_CALLS, MAX_BODY_BYTES } from "@/lib/validation/limits";
import type { Context } from "@/server/trpc";
import { earlyErrorResponse } from "./error-response";
import { readBodyWithin } from "./read-body";
import { clientKey, releasingOnClose, type StreamSlots } from "./stream-slots";

export const TRPC_ENDPOINT = "/api/trpc";

export type HandlerOptions = {
  router: AnyTRPCRouter;
  createContext: () => Context;
  slots: StreamSlots;
  maxBodyBytes?: number;
  onError?: Parameters<typeof fetchRequestHandler>[0]["onError"];
};

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    // A malformed escape names no procedure; tRPC answers it as an unknown path.
    return path;
  }
}

function callsOf(url: URL): { paths: string[]; batch: boolean } {
  const path = decoded(url.pathname.slice(TRPC_ENDPOINT.length + 1));
  const batch = url.searchParams.get("batch") === "1";
  return { paths: batch ? path.split(",") : [path], batch };
}

const isSubscription = (router: AnyTRPCRouter, path: string) =>
  (router._def.procedures as Record<string, { _def?: { type?: string } } | undefined>)[path]?._def?.type === "subscription";

export function createTrpcHandler(options: HandlerOptions): (req: Request) => Promise<Response> {
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const serve = (req: Request) =>
    fetchRequestHandler({ endpoint: TRPC_ENDPOINT, req, router: options.router, createContext: options.createContext, maxBatchSize: MAX_BATCH_CALLS, ...(options.onError ? { onError: options.onError } : {}) });

  return async (req) => {
    const { paths, batch } = callsOf(new URL(req.url));
    if (batch && paths.length > MAX_BATCH_CALLS) {
      return earlyErrorResponse({ code: "BAD_REQUEST", message: `A batch may hold at most ${MAX_BATCH_CALLS} calls; this one holds ${paths.length}.`, paths: paths.slice(0, MAX_BATCH_CALLS + 1), batch });
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      const read = await readBodyWithin(req, maxBody);
      if (!read.ok) {
        const size = read.bytes === undefined ? "more than that" : `${grouped(read.bytes)} bytes`;
        return earlyErrorResponse({ code: "PAYLOAD_TOO_LARGE", message: `A request body may be at most ${grouped(maxBody)} bytes; this one is ${size}.`, paths, batch });
      }
      // The buffered bytes replace the stream tRPC would otherwise read without a limit.
      req = new Request(req.url, { method: req.method, headers: req.headers, body: read.body, signal: req.signal });
    }
    if (!paths.some((p) => isSubscription(options.router, p))) return serve(req);
    const client = clientKey(req.headers);
    const release = options.slots.acquire(client);
    if (!release) {
      return earlyErrorResponse({ code: "TOO_MANY_REQUESTS", message: "Too many live-update streams are open from this address; close a tab and try again.", paths, batch });
    }
    try {
      return releasingOnClose(await serve(req), release, req.signal);
    } catch (err) {
      release();
      throw err;
    }
  };
}
