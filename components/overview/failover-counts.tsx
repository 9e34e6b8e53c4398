import type { FailoverKind } from "@/lib/failover/types";
import { FAILOVER_WORDS } from "@/lib/failover/words";
import type { StateCounts } from "@/lib/topology/types";
import { FAILOVER_LOOK } from "../workspace/failover-cell";
import { StatusPill } from "../workspace/status-pill";

/** Worst first: what needs a person comes before what is fine. */
export const FAILOVER_ORDER: readonly FailoverKind[] = ["unavailable", "at-risk", "failed-over", "unknown", "remote-only", "serving-locally"];

export const totalOf = (counts: StateCounts) => FAILOVER_ORDER.reduce((sum, kind) => sum + (counts[kind] ?? 0), 0);

/**
 * How many of a cluster's services are in each failover state, worst first, each with the words and colours every
 * page uses (lib/failover/words.ts, the workspace table's looks). States with no service are left out.
 */
export function FailoverCounts({ counts, label, size = "normal" }: { counts: StateCounts; label: string; size?: "normal" | "small" }) {
  return (
    <ul aria-label={label} className={`flex items-center ${size === "small" ? "gap-x-2" : "flex-wrap gap-x-4 gap-y-2"}`}>
      {FAILOVER_ORDER.filter((kind) => (counts[kind] ?? 0) > 0).map((kind) => (
        <li key={kind} className="flex items-center gap-1.5 whitespace-nowrap">
          <span className={`font-semibold text-slate-900 tabular-nums ${size === "small" ? "text-sm" : "text-lg"}`}>{counts[kind]}</span>
          <StatusPill tone={FAILOVER_LOOK[kind].tone}>
            <span aria-hidden="true">{FAILOVER_LOOK[kind].glyph}</span>
            {FAILOVER_WORDS[kind]}
          </StatusPill>
        </li>
      ))}
    </ul>
  );
}
