import Link from "next/link";
import type { TopologyGraph } from "@/lib/topology/types";
import { errorSentence } from "@/lib/workspace-view/field-errors";
import { WarningPanel } from "../warning-panel";

/** Placeholder while the first graph loads: the page's shape, no figures. */
export function TopologySkeleton() {
  return (
    <div role="status" aria-live="polite" aria-busy="true" className="grid gap-4 lg:grid-cols-[21rem_1fr]">
      <span className="sr-only">Loading the topology…</span>
      <div className="h-[36rem] animate-pulse rounded-xl border border-slate-200 bg-white p-4" aria-hidden="true">
        {[0, 1, 2].map((i) => (
          <div key={i} className="mb-3 h-5 rounded bg-slate-100" />
        ))}
      </div>
      <div className="h-[36rem] animate-pulse rounded-xl border border-slate-200 bg-white" aria-hidden="true" />
    </div>
  );
}

/** The graph did not load: an unknown workspace says so; anything else says why. */
export function TopologyError({ workspace, error }: { workspace?: string; error: unknown }) {
  const notFound = (error as { data?: { code?: string } } | null)?.data?.code === "NOT_FOUND";
  return (
    <WarningPanel id="topology-error" alert title={notFound && workspace ? `No workspace named ${workspace}` : "The topology could not be loaded"}>
      <p className="mt-1 text-sm text-slate-700">{errorSentence(error)}</p>
      <Link href={notFound ? "/workspaces" : "/"} className="mt-4 inline-block text-sm font-medium text-indigo-700 hover:underline">
        {notFound ? "See the workspaces" : "Back to the fleet overview"}
      </Link>
    </WarningPanel>
  );
}

const EMPTY: Record<NonNullable<TopologyGraph["empty"]>, { title: string; body: string }> = {
  "no-clusters": {
    title: "No clusters to draw",
    body: "The kubeconfig names no cluster the console can read. Add contexts to it (or set EASTWEST_CONTEXTS) and the fleet appears here, live.",
  },
  "no-workspaces": {
    title: "No workspaces",
    body: "The management cluster holds no Workspace, so no service is in the console's scope yet. Apply a Workspace and its services appear here, live.",
  },
  "no-services": {
    title: "Nothing to draw yet",
    body: "No service is in scope: the workspace's namespaces run none, or nothing is exposed. Deploy an east-west gateway and expose services from the workspace page.",
  },
};

/** A deliberate empty state: why there is nothing to draw, and what to do about it. */
export function TopologyEmpty({ why, workspace }: { why: NonNullable<TopologyGraph["empty"]>; workspace?: string }) {
  const text = EMPTY[why];
  return (
    <section aria-labelledby="topology-empty" className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-8 text-sm text-slate-700">
      <h2 id="topology-empty" className="text-base font-semibold text-slate-900">
        {text.title}
      </h2>
      <p className="mt-1">{text.body}</p>
      {workspace && why === "no-services" && (
        <Link href={`/workspaces/${encodeURIComponent(workspace)}`} className="mt-3 inline-block font-medium text-indigo-700 hover:underline">
          Open workspace {workspace}
        </Link>
      )}
    </section>
  );
}
