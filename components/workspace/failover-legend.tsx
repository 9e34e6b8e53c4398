import { FAILOVER_WORDS } from "@/lib/failover/words";
import type { FailoverKind } from "@/lib/failover/types";
import { FAILOVER_LOOK } from "./failover-cell";
import { StatusPill } from "./status-pill";

const MEANING: Readonly<Record<FailoverKind, string>> = {
  "serving-locally": "local endpoints ready, and a working remote to fail over to",
  "failed-over": "no local endpoint ready: traffic goes to the named cluster through its gateway",
  "at-risk": "served locally with no working failover target (the reason is given)",
  "remote-only": "not run here: consumed from other clusters through a ServiceEntry",
  unavailable: "nothing ready anywhere this cluster can reach",
  unknown: "the cluster cannot be seen now: its last known state says nothing about now",
};

const KINDS = Object.keys(MEANING) as FailoverKind[];

/** What each state means, in the same words and colours as the table. */
export function FailoverLegend() {
  return (
    <ul aria-label="Failover states" className="mt-3 grid gap-x-6 gap-y-1.5 text-xs text-slate-600 md:grid-cols-2">
      {KINDS.map((kind) => (
        <li key={kind} className="flex items-baseline gap-2">
          <StatusPill tone={FAILOVER_LOOK[kind].tone}>
            <span aria-hidden="true">{FAILOVER_LOOK[kind].glyph}</span>
            {FAILOVER_WORDS[kind]}
          </StatusPill>
          <span>{MEANING[kind]}</span>
        </li>
      ))}
    </ul>
  );
}
