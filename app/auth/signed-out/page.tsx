import type { Metadata } from "next";
import { connection } from "next/server";
import { isSignInError, SIGN_IN_ERRORS } from "@/server/auth/return-to";

export const metadata: Metadata = { title: "Signed out" };

type Props = { searchParams: Promise<{ error?: string | string[] }> };

/**
 * After "Sign out", or when a sign-in did not finish (?error=<code>: a fixed sentence per code, nothing from the
 * address is shown). Reachable without a session (proxy.ts lets /auth/* through).
 */
export default async function SignedOut({ searchParams }: Props) {
  // Rendered per request so its scripts carry the CSP nonce (proxy.ts).
  await connection();
  const { error } = await searchParams;
  const code = typeof error === "string" && isSignInError(error) ? error : undefined;
  return (
    <main className="mx-auto max-w-6xl px-6 py-8">
      <section aria-labelledby="signed-out-title" className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 id="signed-out-title" className="text-2xl font-semibold tracking-tight text-slate-900">
          {code ? "Not signed in" : "You are signed out"}
        </h1>
        <p className="mt-2 text-sm text-slate-700" role={code ? "alert" : undefined}>
          {code ? SIGN_IN_ERRORS[code] : "Your console session has ended. Your identity provider may still remember you, so signing in again can be instant."}
        </p>
        <p className="mt-4 text-sm">
          <a href="/auth/login" className="font-medium text-indigo-700 underline underline-offset-2 hover:decoration-2">
            Sign in
          </a>
        </p>
      </section>
    </main>
  );
}
