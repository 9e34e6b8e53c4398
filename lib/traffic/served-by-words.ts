// The words of the traffic view: "served by east 100 % in the last minute", a request rate, an error share, and
// the sentence joining it with a failover state ("west: failed over; served by east 100 % in the last minute").
import type { ServedBy } from "./types";

export const NO_REQUESTS = "no requests in the last minute";
const IN_WINDOW = "in the last minute";
/** More clusters than this are summed as "others": a sentence, not a table. */
const MAX_NAMED = 3;

/**
 * A share as a whole percent, never rounded into a claim it does not support: 100 % only when every request was
 * served there, 0 % never for a share that is not zero ("< 1 %", "> 99 %").
 */
export function percentWords(share: number): string {
  if (share >= 1) return "100 %";
  if (share <= 0) return "0 %";
  if (share < 0.005) return "< 1 %";
  if (share >= 0.995) return "> 99 %";
  return `${Math.round(share * 100)} %`;
}

/** Requests per second, to a precision a reader can use: "12 req/s", "1.4 req/s", "< 0.1 req/s". */
export function rpsWords(rps: number): string {
  if (rps <= 0) return "0 req/s";
  if (rps < 0.1) return "< 0.1 req/s";
  if (rps < 10) return `${(Math.round(rps * 10) / 10).toFixed(1)} req/s`;
  return `${Math.round(rps)} req/s`;
}

/** "2 % 5xx"; undefined when no request failed with a 5xx (nothing worth a word). */
export function errorWords(errorRate: number): string | undefined {
  return errorRate > 0 ? `${percentWords(errorRate)} 5xx` : undefined;
}

/** "served by east 100 % in the last minute", "served by west 70 %, east 30 % …", "no requests in the last minute". */
export function servedByWords(row: ServedBy | undefined): string {
  if (!row || row.rps <= 0) return NO_REQUESTS;
  const named = row.servedBy.slice(0, MAX_NAMED).map((s) => `${s.cluster} ${percentWords(s.share)}`);
  const rest = row.servedBy.slice(MAX_NAMED).reduce((sum, s) => sum + s.share, 0);
  if (rest > 0) named.push(`${row.servedBy.length - MAX_NAMED} others ${percentWords(rest)}`);
  const served = row.servedBy.reduce((sum, s) => sum + s.share, 0);
  // Requests no cluster answered (no healthy upstream, reset): say so rather than let the shares silently fall short.
  const unserved = 1 - served;
  if (named.length === 0) return `no cluster answered ${IN_WINDOW}`;
  const tail = unserved >= 0.005 ? `; ${percentWords(unserved)} not answered` : "";
  return `served by ${named.join(", ")} ${IN_WINDOW}${tail}`;
}

/** The row of `sourceCluster`'s callers of `fqdn`, if any requested it in the window. */
export function servedByFor(rows: readonly ServedBy[], sourceCluster: string, fqdn: string): ServedBy | undefined {
  return rows.find((r) => r.sourceCluster === sourceCluster && r.fqdn === fqdn);
}

/** "west: failed over; served by east 100 % in the last minute": a failover state joined with what traffic did. */
export function trafficSentence(cell: { cluster: string; words: string }, row: ServedBy | undefined): string {
  return `${cell.cluster}: ${cell.words.toLowerCase()}; ${servedByWords(row)}`;
}
