import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AppHeader } from "@/components/app-header";

export const metadata: Metadata = { title: "Page not found" };

/** Any unknown address. Rendered per request like every page, so its scripts carry the CSP nonce (proxy.ts). */
export default async function NotFound() {
  // A 404 prerendered at build time would have no nonce, and the browser would block its scripts.
  await connection();
  return (
    <>
      <AppHeader />
      <main className="mx-auto max-w-6xl px-6 py-8">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Page not found</h1>
        <p className="mt-2 text-sm text-slate-600">
          The console has no page at this address.{" "}
          <Link href="/" className="font-medium text-indigo-700 underline-offset-2 hover:underline">
            Back to the fleet overview
          </Link>
        </p>
      </main>
    </>
  );
}
