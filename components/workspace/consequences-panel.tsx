import type { ClusterConsequence } from "@/lib/workspace-view/types";
import { ConsequencesTable } from "./consequences-table";

type Conditions = ReadonlyArray<{ severity: "error" | "warning" | "info"; message: string }>;

const LOOK = { error: "bg-rose-50 text-rose-900", warning: "bg-amber-50 text-amber-900", info: "bg-sky-50 text-sky-900" } as const;

/** A preview's Consequences tab body: the planner's objects per cluster, then the conditions the change raises. */
export function ConsequencesPanel({ consequences, conditions }: { consequences: readonly ClusterConsequence[]; conditions: Conditions }) {
  return (
    <>
      <ConsequencesTable consequences={consequences} />
      {conditions.length > 0 && (
        <ul aria-label="Planner conditions" className="space-y-1">
          {conditions.map((c, i) => (
            <li key={i} className={`rounded px-2 py-1 text-sm ${LOOK[c.severity]}`}>
              {c.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
