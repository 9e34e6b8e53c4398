"use client";

import { usePathname } from "next/navigation";

/** The address that matched no page, as the user typed it (not-found pages get no params; the path is all there is). */
export function NotFoundPath() {
  return <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[13px] break-all text-slate-800">{usePathname()}</code>;
}
