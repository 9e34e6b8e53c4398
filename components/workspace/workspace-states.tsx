import Link from "next/link";
import { errorSentence } from "@/lib/workspace-view/field-errors";
import { WarningPanel } from "../warning-panel";

/** Placeholder while the first detail loads: the page's shape, no numbers. */
export function WorkspaceSkeleton({ name }: { name: string }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <span className="sr-only">Loading workspace {name}…</span>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{name}</h1>
      <div className="mt-2 h-4 w-80 animate-pulse rounded bg-slate-200" aria-hidden="true" />
      <ul className="mt-8 grid gap-5 md:grid-cols-2 xl:grid-cols-3" aria-hidden="true">
        {[0, 1, 2].map((i) => (
          <li key={i} className="h-56 animate-pulse rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <div className="h-5 w-24 rounded bg-slate-200" />
            <div className="mt-3 h-3 w-40 rounded bg-slate-100" />
            <div className="mt-8 h-16 rounded-lg bg-slate-100" />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The detail did not load: a workspace that does not exist says so; anything else says why. */
export function WorkspaceMissing({ name, error }: { name: string; error: unknown }) {
  const notFound = (error as { data?: { code?: string } } | null)?.data?.code === "NOT_FOUND";
  return (
    <WarningPanel id="ws-missing" heading="h1" alert title={notFound ? `No workspace named ${name}` : `Workspace ${name} could not be loaded`}>
      <p className="mt-1 text-sm text-slate-700">{errorSentence(error)}</p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-indigo-700 hover:underline">
        Back to the fleet overview
      </Link>
    </WarningPanel>
  );
}
