// superjson for responses (plain ones without its walk: plain-json.ts), and for requests with its `meta` bounded first. A request's meta lists annotations
// (paths with types) that superjson applies one walk each: 25,000 of them fit in 1 MiB and held the event loop
// for ~100 ms. The browser's inputs are plain JSON that need a handful at most, so more is refused with 400.
import { TRPCError } from "@trpc/server";
import superjson from "superjson";
import { MAX_META_CHARS, MAX_META_NODES } from "@/lib/validation/limits";
import { serializeResponse } from "./plain-json";

/** Whether `meta` holds more than MAX_META_NODES values or MAX_META_CHARS characters; stops as soon as it does. */
export function metaTooLarge(meta: unknown): boolean {
  const stack: unknown[] = [meta];
  let nodes = 0;
  let chars = 0;
  while (stack.length > 0) {
    const next = stack.pop();
    if (++nodes > MAX_META_NODES) return true;
    if (typeof next === "string") chars += next.length;
    else if (typeof next === "object" && next !== null) {
      for (const [key, value] of Object.entries(next)) {
        chars += key.length;
        stack.push(value);
      }
    }
    if (chars > MAX_META_CHARS) return true;
  }
  return false;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

export const boundedSuperjson = {
  input: {
    serialize: (value: unknown) => superjson.serialize(value),
    deserialize: (value: unknown): unknown => {
      if (isRecord(value) && metaTooLarge(value.meta)) {
        throw new TRPCError({ code: "BAD_REQUEST", message: `The request's superjson meta holds more than ${MAX_META_NODES} annotations; send plain JSON.` });
      }
      return superjson.deserialize(value as Parameters<typeof superjson.deserialize>[0]);
    },
  },
  // Plain responses skip superjson's walk (plain-json.ts); the browser's superjson reads both forms.
  output: { serialize: serializeResponse, deserialize: (value: unknown): unknown => superjson.deserialize(value as Parameters<typeof superjson.deserialize>[0]) },
};
