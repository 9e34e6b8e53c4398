import type { ClusterPropagation, PropagationState } from "@/lib/registry/propagation";
import { StatusPill, type Tone } from "./status-pill";

const LOOK: Record<PropagationState, { tone: Tone; label: (c: ClusterPropagation) => string }> = {
  complete: { tone: "good", label: (c) => `${c.cluster}: received` },
  partial: { tone: "warn", label: (c) => `${c.cluster}: ${c.present}/${c.expected} objects` },
  pending: { tone: "warn", label: (c) => `${c.cluster}: pending` },
  stale: { tone: "neutral", label: (c) => `${c.cluster}: stale, unknown` },
  conflict: { tone: "bad", label: (c) => `${c.cluster}: blocked, an object not made by the console holds ${c.foreign === 1 || c.foreign === undefined ? "its name" : `${c.foreign} of its names`}` },
};

/** A cluster never synced since the console started has no "last known" state: it is unknown, not stale. */
const NOT_SYNCED = { tone: "neutral" as Tone, label: (c: ClusterPropagation) => `${c.cluster}: not yet synced, unknown` };

function titleOf(c: ClusterPropagation): string {
  const held = c.foreign ? `; ${c.foreign} planned name${c.foreign === 1 ? " is" : "s are"} held by objects the console did not make (left untouched)` : "";
  return `${c.present} of ${c.expected} generated objects present${held}`;
}

/** Whether each cluster that should receive a service has its objects yet. `unsynced`: clusters never synced. */
export function PropagationChips({ clusters, unsynced = [] }: { clusters: readonly ClusterPropagation[]; unsynced?: readonly string[] }) {
  if (clusters.length === 0) return <span className="text-xs text-slate-500">No cluster is due to receive it (yet)</span>;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Propagation per cluster">
      {clusters.map((c) => {
        const look = c.state === "stale" && unsynced.includes(c.cluster) ? NOT_SYNCED : LOOK[c.state];
        return (
          <li key={c.cluster}>
            <StatusPill tone={look.tone} title={titleOf(c)}>
              {look.label(c)}
            </StatusPill>
          </li>
        );
      })}
    </ul>
  );
}
