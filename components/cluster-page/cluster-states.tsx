import Link from "next/link";
import { ErrorAlert } from "../workspace/error-alert";

/** Placeholder while the first detail loads: the page's shape, no numbers. */
export function ClusterSkeleton({ name }: { name: string }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <span className="sr-only">Loading cluster {name}…</span>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{name}</h1>
      <div className="mt-2 h-4 w-64 animate-pulse rounded bg-slate-200" aria-hidden="true" />
      <div className="mt-8 h-24 animate-pulse rounded-xl border border-slate-200 bg-white" aria-hidden="true" />
      <div className="mt-6 h-40 animate-pulse rounded-xl border border-slate-200 bg-white" aria-hidden="true" />
    </div>
  );
}

/**
 * The detail did not load after the page opened (an unknown name is the server's 404 before that): the cluster
 * left the kubeconfig while the page was open, or the console did not answer.
 */
export function ClusterMissing({ name, error }: { name: string; error: unknown }) {
  const gone = (error as { data?: { code?: string } } | null)?.data?.code === "NOT_FOUND";
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight text-slate-900">{name}</h1>
      <ErrorAlert title={gone ? `${name} is no longer in the fleet` : `${name} could not be loaded`} error={error}>
        <p className="mt-2 text-sm">
          <Link href="/" className="font-medium underline underline-offset-2">
            Back to the fleet overview
          </Link>
        </p>
      </ErrorAlert>
    </div>
  );
}
