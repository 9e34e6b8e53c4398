// An error answered before tRPC runs (body too large, batch too big, too many streams), in exactly the shape
// tRPC's own error responses have (server/trpc.ts's formatter, superjson-serialised, one entry per call of a
// batch), so the browser's links and forms read it like any other error.
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import superjson from "superjson";
import { truncated } from "@/lib/validation/bounded-text";

const STATUS = { PAYLOAD_TOO_LARGE: 413, BAD_REQUEST: 400, TOO_MANY_REQUESTS: 429 } as const satisfies Partial<Record<TRPC_ERROR_CODE_KEY, number>>;

export type EarlyErrorCode = keyof typeof STATUS;

export function earlyErrorResponse(args: { code: EarlyErrorCode; message: string; paths: readonly string[]; batch: boolean }): Response {
  const httpStatus = STATUS[args.code];
  const entry = (path: string) => ({
    error: superjson.serialize({
      code: TRPC_ERROR_CODES_BY_KEY[args.code],
      message: args.message,
      data: { code: args.code, httpStatus, path: truncated(path), fieldErrors: [] },
    }),
  });
  const body = args.batch ? args.paths.map(entry) : entry(args.paths[0] ?? "");
  return new Response(JSON.stringify(body), { status: httpStatus, headers: { "content-type": "application/json" } });
}
