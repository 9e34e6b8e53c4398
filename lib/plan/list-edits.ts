// A sorted list with a few edits, made as one new array at its final size. Copying with slice() and then
// splicing grew the copy at the first insert: V8 reallocates a full array's backing store (to 1.5 times its
// length) and copies it again. At 20 × 500 a new Service patched 19 lists of 29,000 entries that way on the
// console's thread (the plan mirror's lists, their ids and the registry's comparisons), each copied two and a
// half times: lists over 128 KiB live in V8's large-object space, and the copies that outlived a young collection
// were old-generation garbage. A sampling heap profile of 20 new Services at 20 × 100 had the splices as the largest part of what
// the changes left for major collections.

import { compareStrings } from "./json";

/** What replaces the item at a position of the list (null: it is dropped). */
export type Puts<T> = ReadonlyMap<number, T | null>;
/** An item to insert before position `at` (`at` = the list's length: at the end). */
export type Insert<T> = { at: number; item: T };
/** Items to insert, by the id the list is sorted by: several at one place go in id order. */
export type Inserts<T> = ReadonlyMap<string, Insert<T>>;

function inOrder<T>(inserts: Inserts<T>): Array<Insert<T>> {
  return [...inserts]
    .sort(([a, x], [b, y]) => x.at - y.at || compareStrings(a, b))
    .map(([, insert]) => insert);
}

/**
 * `before`'s first `end` items with `puts` (positions below `end`) and `byId` (at most `end`) applied: one pass,
 * one array of the final size.
 */
export function edited<T>(before: readonly T[], puts: Puts<T>, byId: Inserts<T>, end = before.length): T[] {
  const positions = [...puts.keys()].sort((a, b) => a - b);
  const inserts = inOrder(byId);
  let drops = 0;
  for (const item of puts.values()) if (item === null) drops++;
  const out = new Array<T>(end - drops + inserts.length);
  let [from, written, p, k] = [0, 0, 0, 0];
  const copyTo = (to: number) => {
    for (; from < to; from++) out[written++] = before[from] as T;
  };
  while (p < positions.length || k < inserts.length) {
    const put = positions[p] ?? Infinity;
    const insert = inserts[k];
    // An insert at a put's position goes before it: it sorts before the item there.
    if (insert && insert.at <= put) {
      copyTo(insert.at);
      out[written++] = insert.item;
      k++;
      continue;
    }
    copyTo(put);
    const item = puts.get(put);
    if (item !== null && item !== undefined) out[written++] = item;
    from = put + 1;
    p++;
  }
  copyTo(end);
  return out;
}
