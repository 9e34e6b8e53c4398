import { RelativeTime } from "../relative-time";
import type { ManagementState } from "./management-state";

const NOTE = "mb-6 rounded-lg border px-4 py-3 text-sm";

/** Why the list below may not be the whole truth: the management cluster is missing, unsynced or stale. */
export function ManagementNote({ state }: { state: ManagementState }) {
  switch (state.kind) {
    case "none":
      return (
        <p role="status" className={`${NOTE} border-amber-200 bg-amber-50 text-amber-900`}>
          No cluster of the kubeconfig is the management cluster, where Workspaces are read from; set EASTWEST_MANAGEMENT_CLUSTER to its context.
        </p>
      );
    case "never-synced":
      return (
        <p role="status" className={`${NOTE} border-rose-200 bg-rose-50 text-rose-900`}>
          {state.cluster}, the management cluster, is not yet synced
          {state.watchingSince && (
            <>
              {" "}
              (watched since <RelativeTime iso={state.watchingSince} display="clock" />)
            </>
          )}
          : its workspaces are unknown until it answers.
        </p>
      );
    case "stale":
      return (
        <p role="status" className={`${NOTE} border-rose-200 bg-rose-50 text-rose-900`}>
          {state.cluster}, the management cluster, is stale
          {state.staleSince && (
            <>
              {" "}
              since <RelativeTime iso={state.staleSince} display="clock" />
            </>
          )}
: the workspaces below are its last known ones.{state.reason ? ` ${state.reason}` : ""}
        </p>
      );
    default:
      return null;
  }
}

/** The management cluster is synced and holds no Workspace: say where the console looked and what to do. */
export function NoWorkspaces({ cluster }: { cluster: string }) {
  return (
    <section aria-labelledby="no-workspaces" className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-8 text-sm text-slate-700">
      <h2 id="no-workspaces" className="text-base font-semibold text-slate-900">
        No workspaces in {cluster}
      </h2>
      <p className="mt-1">
        The console lists the Workspaces (<code className="font-mono text-[13px]">tsb.tetrate.io/v2</code>) of the management cluster, {cluster}. A
        Workspace groups namespaces across clusters; apply one and it appears here, live:
      </p>
      <pre className="mt-3 overflow-x-auto rounded-lg bg-slate-100 px-3 py-2 font-mono text-[13px] text-slate-800">
        kubectl --context {cluster} apply -f workspace.yaml
      </pre>
    </section>
  );
}
