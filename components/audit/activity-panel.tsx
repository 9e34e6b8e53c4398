"use client";

import { errorSentence } from "@/lib/workspace-view/field-errors";
import { useWorkspaceDetail } from "../workspace/use-workspace-detail";
import { ActivityList, ActivityProblems } from "./activity-list";
import { useAuditRecent } from "./use-audit-recent";

const H2 = "text-sm font-semibold tracking-wide text-slate-500 uppercase";

/**
 * "Who did what" on the workspace page: the console's writes on people's behalf to the workspace's objects (its
 * gateways, drills and WorkspaceSetting), from the audit Events in its clusters. Refreshed whenever the page's
 * detail is (a write changes it), and now and then for refused writes, which change nothing.
 */
export function ActivityPanel({ workspace }: { workspace: string }) {
  const { dataUpdatedAt } = useWorkspaceDetail(workspace);
  const { data, error } = useAuditRecent({ scope: "workspace", workspace }, dataUpdatedAt);
  return (
    <section aria-labelledby="activity-title" className="mt-8">
      <div className="mb-3 flex items-baseline justify-between gap-3">
        <h2 id="activity-title" className={H2}>
          Activity
        </h2>
        <p className="text-xs text-slate-600">Writes made through the console, newest first</p>
      </div>
      {data ? (
        <>
          <ActivityList records={data.records} more={data.more} label="Workspace activity" />
          <ActivityProblems problems={data.problems} />
        </>
      ) : error ? (
        <p role="alert" className="rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          The activity could not be read: {errorSentence(error)}
        </p>
      ) : (
        <p role="status" aria-busy="true" className="rounded-xl border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600 shadow-sm">
          Reading the activity from the clusters…
        </p>
      )}
      <p className="mt-2 text-xs text-slate-600">
        Kept as Events in each cluster (they expire after the cluster&apos;s event TTL, one hour by default) and as audit lines in the console&apos;s log.
      </p>
    </section>
  );
}
