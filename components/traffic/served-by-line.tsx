import { errorWords, rpsWords, servedByWords } from "@/lib/traffic/served-by-words";
import type { ServedBy } from "@/lib/traffic/types";

/**
 * Under a failover state: which cluster actually answered this cluster's requests for the service in the last
 * minute ("served by east 100 % in the last minute"), their rate, and their 5xx share when any failed.
 */
export function ServedByLine({ row }: { row: ServedBy | undefined }) {
  const errors = row ? errorWords(row.errorRate) : undefined;
  return (
    <p data-traffic="served-by" className="mt-1 text-xs break-words text-slate-600">
      {servedByWords(row)}
      {row && row.rps > 0 && <span className="text-slate-500"> · {rpsWords(row.rps)}</span>}
      {errors && <span className="font-medium text-rose-700"> · {errors}</span>}
    </p>
  );
}
