import type { FailoverKind } from "@/lib/failover/types";
import { FAILOVER_WORDS } from "@/lib/failover/words";
import type { StateCounts as Counts } from "@/lib/topology/types";
import { FAILOVER_LOOK } from "../workspace/failover-cell";
import { StatusPill } from "../workspace/status-pill";

const KINDS = Object.keys(FAILOVER_WORDS) as FailoverKind[];

/** A group's services per failover state: the state's glyph and count on its colour, the words on hover. */
export function StateCounts({ counts, className = "" }: { counts: Counts; className?: string }) {
  const present = KINDS.filter((k) => (counts[k] ?? 0) > 0);
  if (present.length === 0) return <p className={`text-xs text-slate-500 ${className}`}>No services</p>;
  return (
    <ul className={`flex flex-wrap gap-1 ${className}`} aria-label="Services by failover state">
      {present.map((kind) => (
        <li key={kind}>
          <StatusPill tone={FAILOVER_LOOK[kind].tone} title={FAILOVER_WORDS[kind]}>
            <span aria-hidden="true">{FAILOVER_LOOK[kind].glyph}</span>
            {counts[kind]}
            <span className="sr-only"> {FAILOVER_WORDS[kind]}</span>
          </StatusPill>
        </li>
      ))}
    </ul>
  );
}
