// tRPC's responses go through superjson, which walks and copies every response to record the values JSON cannot
// carry (Date, Map, undefined in arrays, NaN, shared references). The console's responses are plain JSON by
// construction, and the big ones (a workspace's detail, a preview's consequences) are memoized and asked for by
// many tabs at once: the walk, its copies and their garbage were ~40 % of the console's main thread during
// bench:workspace's team run. So a response is first checked without allocating (one stack of references) and,
// when plain, sent as superjson's `{ json }` with no meta, which superjson.deserialize returns as is. Anything
// else goes through superjson unchanged, so the browser sees the same values either way.
import superjson from "superjson";

/** Most values the check visits before giving up (and leaving the response to superjson). */
const MAX_VISITS = 5_000_000;

function plainScalar(v: unknown): boolean {
  if (typeof v === "string" || typeof v === "boolean" || v === null) return true;
  // NaN, ±Infinity and -0 do not survive JSON (superjson keeps them).
  return typeof v === "number" && Number.isFinite(v) && !Object.is(v, -0);
}

/**
 * Whether `value` is made only of strings, finite numbers, booleans, null, arrays and plain objects, so that
 * JSON carries it exactly. An object property whose value is `undefined` is allowed: JSON drops it and the
 * browser reads the absent property as undefined. An `undefined` array element is not (JSON makes it null).
 */
export function isPlainJson(value: unknown, maxVisits = MAX_VISITS): boolean {
  if (value === undefined) return false;
  const stack: unknown[] = [value];
  let visits = 0;
  while (stack.length > 0) {
    const v = stack.pop();
    if (++visits > maxVisits) return false;
    if (typeof v !== "object" || v === null) {
      if (!plainScalar(v)) return false;
      continue;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const e: unknown = v[i];
        if (typeof e === "object" && e !== null) stack.push(e);
        else if (!plainScalar(e)) return false;
      }
      continue;
    }
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return false;
    for (const key in v) {
      const e: unknown = (v as Record<string, unknown>)[key];
      if (e === undefined) continue;
      if (typeof e === "object" && e !== null) stack.push(e);
      else if (!plainScalar(e)) return false;
    }
  }
  return true;
}

// The verdict per response object. Views are memoized per fleet state and never mutated once returned (dev and
// tests deep-freeze them), so the hundred tabs asking for the same workspace detail are checked once, not a
// hundred times: the walk is linear in the response and ran on the event loop for every call.
const verdicts = new WeakMap<object, boolean>();

function plainJsonOnce(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return isPlainJson(value);
  let verdict = verdicts.get(value);
  if (verdict === undefined) verdicts.set(value, (verdict = isPlainJson(value)));
  return verdict;
}

/** superjson's serialized form of `value`: `{ json: value }` when it is plain JSON, else superjson's own walk. */
export function serializeResponse(value: unknown): ReturnType<typeof superjson.serialize> {
  return plainJsonOnce(value) ? { json: value as never } : superjson.serialize(value);
}
