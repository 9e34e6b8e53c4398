"use client";

import { AppHeader } from "@/components/app-header";

/** Last resort for a page that failed to render: say so plainly and offer a retry. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <AppHeader />
      <main className="mx-auto max-w-6xl px-6 py-8">
        <section role="alert" aria-labelledby="error-title" className="rounded-xl border border-rose-200 bg-white p-8 shadow-sm">
          <h1 id="error-title" className="text-lg font-semibold text-slate-900">The console could not render this page</h1>
          <p className="mt-1 text-sm text-slate-700">
            The server hit an unexpected error{error.digest ? ` (reference ${error.digest})` : ""}. The server log has the
            details.
          </p>
          <button
            type="button"
            onClick={reset}
            className="mt-4 rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
          >
            Try again
          </button>
        </section>
      </main>
    </>
  );
}
