import type { ReactNode } from "react";
import { errorSentence } from "@/lib/workspace-view/field-errors";

/** A failed request, as a sentence (never a stack or raw JSON). */
export function ErrorAlert({ error, title, children }: { error?: unknown; title: string; children?: ReactNode }) {
  return (
    <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 px-3 py-2.5 text-sm text-rose-900">
      <p className="font-semibold">{title}</p>
      {error !== undefined && <p className="mt-0.5 text-rose-800">{errorSentence(error)}</p>}
      {children}
    </div>
  );
}
