"use client";

import { useState } from "react";
import { grouped } from "@/lib/validation/bounded-text";
import { kindCounts } from "@/lib/workspace-view/consequence-cap";
import type { ClusterConsequence, KindConsequence } from "@/lib/workspace-view/types";

type Line = { sign: "+" | "−" | "!"; name: string };

const LINE_LOOK: Record<Line["sign"], { label: string; look: string }> = {
  "+": { label: "added", look: "text-emerald-800" },
  "−": { label: "removed", look: "text-rose-800" },
  // A conflict, not a change: the registry leaves the other object alone and writes nothing under its name.
  "!": { label: "blocked", look: "text-amber-800" },
};

const FIRST = 4;

/** What each cluster gets from the planner: ServiceEntries (remote services) and shadow WorkloadEntries (failover). */
export function ConsequencesTable({ consequences }: { consequences: readonly ClusterConsequence[] }) {
  if (consequences.length === 0) return <p className="text-sm text-slate-600">No cluster gains or loses a generated object.</p>;
  return (
    <table aria-label="Consequences per cluster" className="w-full table-fixed text-left text-sm">
      <thead className="text-xs text-slate-500">
        <tr>
          <th className="w-24 py-1.5 pr-3 font-medium">Cluster</th>
          <th className="py-1.5 pr-3 font-medium">ServiceEntries in xcp-multicluster</th>
          <th className="py-1.5 font-medium">Shadow WorkloadEntries</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 align-top">
        {consequences.map((c) => (
          <tr key={c.cluster} aria-label={c.cluster}>
            <th scope="row" className="py-2 pr-3 font-semibold text-slate-900">
              {c.cluster}
            </th>
            <td className="py-2 pr-3">
              <Changes change={c.serviceEntries} />
            </td>
            <td className="py-2">
              <Changes change={c.workloadEntries} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Changes({ change }: { change: KindConsequence }) {
  const [all, setAll] = useState(false);
  const count = kindCounts(change);
  if (count.added === 0 && count.removed === 0 && count.blocked === 0) {
    return <span className="text-slate-500">no change{change.unchanged > 0 ? ` (${grouped(change.unchanged)} kept)` : ""}</span>;
  }
  const lines: Line[] = [
    ...change.blocked.map((name) => ({ sign: "!" as const, name })),
    ...change.added.map((name) => ({ sign: "+" as const, name })),
    ...change.removed.map((name) => ({ sign: "−" as const, name })),
  ];
  const shown = all ? lines : lines.slice(0, FIRST);
  const after = count.added + change.unchanged;
  const unlisted = count.added + count.removed + count.blocked - lines.length;
  return (
    <>
      <p className="text-xs font-medium text-slate-700">
        {grouped(after)} after the change
        <span className="font-normal text-slate-500">
          {" "}
          (
          {[
            count.added && `${grouped(count.added)} added`,
            count.removed && `${grouped(count.removed)} removed`,
            change.unchanged && `${grouped(change.unchanged)} kept`,
            count.blocked && `${grouped(count.blocked)} blocked`,
          ]
            .filter(Boolean)
            .join(", ")}
          )
        </span>
      </p>
      <ul className="mt-0.5 space-y-0.5 font-mono text-xs break-all">
        {shown.map((l) => (
          <li key={`${l.sign}${l.name}`} className={LINE_LOOK[l.sign].look}>
            <span aria-label={LINE_LOOK[l.sign].label}>{l.sign} </span>
            {l.name}
            {l.sign === "!" && <span className="block font-sans">blocked: an object not made by the console holds this name</span>}
          </li>
        ))}
      </ul>
      {lines.length > FIRST && (
        <button type="button" onClick={() => setAll(!all)} className="mt-0.5 text-xs font-medium text-indigo-700 hover:underline">
          {all ? "Show fewer" : unlisted > 0 ? `Show the first ${grouped(lines.length)}` : `Show all ${lines.length}`}
        </button>
      )}
      {all && unlisted > 0 && <p className="mt-0.5 text-xs text-slate-500">…and {grouped(unlisted)} more, not listed in a preview.</p>}
    </>
  );
}
