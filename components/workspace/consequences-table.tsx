"use client";

import { useState } from "react";
import type { ClusterConsequence } from "@/lib/workspace-view/types";

type Change = { added: string[]; removed: string[]; unchanged: number };

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

function Changes({ change }: { change: Change }) {
  const [all, setAll] = useState(false);
  if (change.added.length === 0 && change.removed.length === 0) {
    return <span className="text-slate-500">no change{change.unchanged > 0 ? ` (${change.unchanged} kept)` : ""}</span>;
  }
  const lines = [...change.added.map((name) => ({ sign: "+", name })), ...change.removed.map((name) => ({ sign: "−", name }))];
  const shown = all ? lines : lines.slice(0, FIRST);
  const after = change.added.length + change.unchanged;
  return (
    <>
      <p className="text-xs font-medium text-slate-700">
        {after} after the change
        <span className="font-normal text-slate-500">
          {" "}
          ({[change.added.length && `${change.added.length} added`, change.removed.length && `${change.removed.length} removed`, change.unchanged && `${change.unchanged} kept`].filter(Boolean).join(", ")})
        </span>
      </p>
      <ul className="mt-0.5 space-y-0.5 font-mono text-xs break-all">
        {shown.map((l) => (
          <li key={`${l.sign}${l.name}`} className={l.sign === "+" ? "text-emerald-800" : "text-rose-800"}>
            <span aria-label={l.sign === "+" ? "added" : "removed"}>{l.sign} </span>
            {l.name}
          </li>
        ))}
      </ul>
      {lines.length > FIRST && (
        <button type="button" onClick={() => setAll(!all)} className="mt-0.5 text-xs font-medium text-indigo-700 hover:underline">
          {all ? "Show fewer" : `Show all ${lines.length}`}
        </button>
      )}
    </>
  );
}
