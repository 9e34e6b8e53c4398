import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { NotFoundPath } from "@/components/nav/not-found-path";

export const metadata: Metadata = { title: "Page not found" };

/**
 * Any unknown address, inside the console's frame (the root layout), so the main navigation is there to go on
 * from. Rendered per request like every page, so its scripts carry the CSP nonce (proxy.ts).
 */
export default async function NotFound() {
  // A 404 prerendered at build time would have no nonce, and the browser would block its scripts.
  await connection();
  return (
    <main className="mx-auto max-w-6xl px-6 py-8">
      <section aria-labelledby="not-found-title" className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold text-indigo-700">404</p>
        <h1 id="not-found-title" className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">
          Page not found
        </h1>
        <p className="mt-2 text-sm text-slate-700">
          The console has no page at <NotFoundPath />. The address may be mistyped, or the page may have moved.
        </p>
        <p className="mt-4 text-sm">
          <Link href="/" className="font-medium text-indigo-700 underline underline-offset-2 hover:decoration-2">
            Back to the fleet overview
          </Link>
          <span className="text-slate-600"> or see </span>
          <Link href="/workspaces" className="font-medium text-indigo-700 underline underline-offset-2 hover:decoration-2">
            every workspace
          </Link>
          <span className="text-slate-600">; the navigation above reaches every page.</span>
        </p>
      </section>
    </main>
  );
}
