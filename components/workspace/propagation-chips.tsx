import type { ClusterPropagation, PropagationState } from "@/lib/registry/propagation";
import { StatusPill, type Tone } from "./status-pill";

const LOOK: Record<PropagationState, { tone: Tone; label: (c: ClusterPropagation) => string }> = {
  complete: { tone: "good", label: (c) => `${c.cluster}: received` },
  partial: { tone: "warn", label: (c) => `${c.cluster}: ${c.present}/${c.expected} objects` },
  pending: { tone: "warn", label: (c) => `${c.cluster}: pending` },
  stale: { tone: "neutral", label: (c) => `${c.cluster}: stale, unknown` },
};

/** Whether each cluster that should receive a service has its objects yet. */
export function PropagationChips({ clusters }: { clusters: readonly ClusterPropagation[] }) {
  if (clusters.length === 0) return <span className="text-xs text-slate-500">No cluster is due to receive it (yet)</span>;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Propagation per cluster">
      {clusters.map((c) => (
        <li key={c.cluster}>
          <StatusPill tone={LOOK[c.state].tone} title={`${c.present} of ${c.expected} generated objects present`}>
            {LOOK[c.state].label(c)}
          </StatusPill>
        </li>
      ))}
    </ul>
  );
}
