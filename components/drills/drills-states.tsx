import { errorSentence } from "@/lib/workspace-view/field-errors";
import { WarningPanel } from "../warning-panel";

/** Clusters whose drills cannot be read now (stale or still syncing): shown as last seen, newer ones may be missing. */
export function StaleClustersNote({ stale }: { stale: readonly string[] }) {
  if (stale.length === 0) return null;
  const one = stale.length === 1;
  return (
    <p role="note" className="mb-4 rounded-lg bg-amber-50 px-3 py-2.5 text-sm text-amber-900 ring-1 ring-amber-200">
      <span className="font-semibold">{stale.join(", ")}</span> {one ? "is" : "are"} stale: the console cannot read {one ? "its" : "their"} drills now. {one ? "Its" : "Their"} drills below are as last seen, and newer ones may be missing; the list catches up once the console reaches {one ? "it" : "them"} again.
    </p>
  );
}

/** No drill at all, or none that matches the filters. */
export function DrillsEmpty({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  return filtered ? (
    <div className="px-4 py-6 text-sm text-slate-600">
      <p>No drill matches these filters.</p>
      <button type="button" onClick={onClear} className="mt-2 rounded text-sm font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500">
        Clear filters
      </button>
    </div>
  ) : (
    <div className="px-4 py-6 text-sm text-slate-600">
      <p className="font-medium text-slate-800">No drill has run yet.</p>
      <p className="mt-1">
        Use “Run failover drill” on a service in a workspace’s failover table or in its topology panel, or create a FailoverDrill with <span className="font-mono">kubectl apply</span> in a namespace annotated{" "}
        <span className="font-mono">eastwest.dev/drills: enabled</span>.
      </p>
    </div>
  );
}

/** The list could not be read at all: no drill runner in this console, or the server did not answer. */
export function DrillsUnavailable({ error }: { error: unknown }) {
  const noRunner = (error as { data?: { code?: string } } | null)?.data?.code === "PRECONDITION_FAILED";
  return (
    <WarningPanel id="drills-unavailable" alert title={noRunner ? "Drills are not available in this console" : "The drills could not be loaded"}>
      <p className="mt-1 text-sm text-slate-700">{errorSentence(error)}</p>
    </WarningPanel>
  );
}
