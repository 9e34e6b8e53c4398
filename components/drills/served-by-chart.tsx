import { UNKNOWN_CLUSTER } from "@/lib/drills/probe-stats";
import type { ServedByCounts } from "@/lib/drills/schema";

type Windows = { before?: ServedByCounts | undefined; during?: ServedByCounts | undefined; after?: ServedByCounts | undefined };

const WINDOWS: ReadonlyArray<[keyof Windows, string]> = [
  ["before", "Before the fault"],
  ["during", "During the fault"],
  ["after", "After the restore"],
];
/** One colour per cluster, in name order; the words (cluster, share, count) always come with them. */
const COLOURS = ["bg-indigo-500", "bg-emerald-500", "bg-amber-500", "bg-sky-500", "bg-rose-500", "bg-slate-500"];
/** Requests no cluster is known to have answered (the probe saw an error): recorded under UNKNOWN_CLUSTER. */
const NONE = new Set([UNKNOWN_CLUSTER]);

const percent = (n: number, total: number) => (total === 0 ? 0 : Math.round((n / total) * 100));

/**
 * Which cluster served the probe's requests before, during and after the fault: one bar per window, a segment per
 * cluster, with the share and count in words beside it (the bars are decoration; the words are the chart).
 */
export function ServedByChart({ windows, drilled, caption, empty = "No probe requests recorded yet." }: { windows: Windows; drilled: string; caption: string; empty?: string }) {
  const clusters = [...new Set(WINDOWS.flatMap(([k]) => Object.keys(windows[k] ?? {})))].sort((a, b) => (a === drilled ? -1 : b === drilled ? 1 : a.localeCompare(b)));
  const colour = (c: string) => (NONE.has(c) ? "bg-slate-300" : (COLOURS[clusters.filter((x) => !NONE.has(x)).indexOf(c) % COLOURS.length] ?? "bg-slate-500"));
  if (clusters.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <table className="w-full text-left text-sm">
      <caption className="mb-2 text-left text-xs text-slate-500">{caption}</caption>
      <tbody>
        {WINDOWS.map(([key, label]) => {
          const counts = windows[key] ?? {};
          const total = Object.values(counts).reduce((a, b) => a + b, 0);
          const parts = clusters.filter((c) => (counts[c] ?? 0) > 0);
          return (
            <tr key={key} className="align-top">
              <th scope="row" className="w-36 py-1.5 pr-3 text-xs font-semibold text-slate-600">
                {label}
              </th>
              <td className="py-1.5">
                {total === 0 ? (
                  <span className="text-xs text-slate-500">no requests recorded</span>
                ) : (
                  <>
                    <div aria-hidden="true" className="flex h-3 w-full overflow-hidden rounded bg-slate-100">
                      {parts.map((c) => (
                        <span key={c} className={colour(c)} style={{ width: `${((counts[c] ?? 0) / total) * 100}%` }} />
                      ))}
                    </div>
                    <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-700">
                      {parts.map((c) => (
                        <span key={c} className="inline-flex items-center gap-1">
                          <span aria-hidden="true" className={`inline-block size-2 rounded-sm ${colour(c)}`} />
                          {NONE.has(c) ? "no cluster (failed)" : c}: {percent(counts[c] ?? 0, total)}% ({counts[c]})
                        </span>
                      ))}
                    </p>
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
