import type { ClusterDetail } from "@/server/clusters/types";
import { Section } from "./section-title";

/** Cached objects per watched kind; unknown ("–") before the first full list, dimmed when last known. */
export function KindCounts({ detail }: { detail: ClusterDetail }) {
  const tone = !detail.known ? "text-slate-400" : detail.lastKnown ? "text-slate-500" : "text-slate-900";
  return (
    <Section id="kinds-title" title="Objects per kind" note={!detail.known ? "Not yet listed: counts unknown" : detail.lastKnown ? "Last known counts" : "In the console's cache"}>
      <dl aria-label="Objects per kind" className="grid grid-cols-2 overflow-hidden rounded-xl border border-slate-200 bg-white text-sm shadow-sm sm:grid-cols-4 lg:grid-cols-7">
        {detail.kinds.map(({ kind, count }) => (
          <div key={kind} className="flex flex-col-reverse px-3 py-2 shadow-[inset_-1px_-1px_0_var(--color-slate-100)]">
            <dt className="truncate text-[11px] font-medium text-slate-500">{kind}</dt>
            <dd className={`text-lg leading-tight font-semibold tabular-nums ${tone}`}>{detail.known ? count : "–"}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}
