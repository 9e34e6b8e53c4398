"use client";

import { useState } from "react";

/** Long findings (one clause per service and cluster) fold to three lines until asked for. */
export function ExpandableText({ text, className, limit = 220 }: { text: string; className: string; limit?: number }) {
  const [open, setOpen] = useState(false);
  if (text.length <= limit) return <p className={className}>{text}</p>;
  return (
    <div>
      <p className={`${className} ${open ? "" : "line-clamp-3"}`}>{text}</p>
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} className="mt-0.5 text-xs font-medium text-indigo-700 hover:underline">
        {open ? "Show less" : "Show all"}
      </button>
    </div>
  );
}
