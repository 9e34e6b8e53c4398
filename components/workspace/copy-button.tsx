"use client";

import { useEffect, useState } from "react";

/** Clipboard API when the page may use it; a hidden textarea otherwise (plain-http consoles). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

/**
 * Copies `text`; says "Copied" for a moment (announced), or that copying failed. The name is the visible word plus
 * what is copied (screen-reader only), so what a sighted user reads is always part of it (WCAG 2.5.3).
 */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      onClick={() => void copyText(text).then((ok) => setState(ok ? "copied" : "failed"))}
      className="inline-flex shrink-0 items-center rounded-md bg-white px-2 py-1 text-xs font-medium text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
    >
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy"}</span>
      <span className="sr-only">{state === "failed" ? ` for ${what}` : ` ${what}`}</span>
    </button>
  );
}
