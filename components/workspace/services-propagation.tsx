"use client";

import { useState } from "react";
import type { WorkspaceDetail } from "@/lib/workspace-view/types";
import { PropagationChips } from "./propagation-chips";

const FIRST = 25;

/** The exposed services and whether the registry has carried each one to the clusters that need it. */
export function ServicesPropagation({ detail }: { detail: WorkspaceDetail }) {
  const [all, setAll] = useState(false);
  const exposed = detail.services.filter((s) => s.exposed);
  const byFqdn = new Map((detail.propagation ?? []).map((p) => [p.fqdn, p.clusters]));
  const shown = all ? exposed : exposed.slice(0, FIRST);
  // Never synced since the console started: whether a service runs there, and what it received, is unknown.
  const unsynced = detail.clusters.filter((c) => !c.freshness.everSynced).map((c) => c.name);
  const unknownNote = unsynced.length > 0 ? ` (${unsynced.join(", ")}: unknown, not yet synced)` : "";
  return (
    <section aria-labelledby="exposed-title">
      <div className="mb-3 flex items-center justify-between">
        <h2 id="exposed-title" className="text-sm font-semibold tracking-wide text-slate-500 uppercase">
          Exposed services
        </h2>
        <span className="text-xs text-slate-500">
          {detail.exposure.mode === "all" ? "Every service (no exposedServices list)" : `${exposed.length} chosen`} · {detail.services.length} in the workspace
        </span>
      </div>
      {exposed.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-slate-600">
          No service is exposed: other clusters cannot reach this workspace&apos;s services. Use “Expose services”.
        </p>
      ) : (
        <div className="rounded-xl border border-slate-200 bg-white shadow-sm">
          {!detail.propagation && (
            <p className="border-b border-slate-100 px-4 py-2 text-xs text-amber-800">
              The registry is not running in this console, so propagation is not tracked here.
            </p>
          )}
          <ul aria-label="Exposed services" className="divide-y divide-slate-100">
            {shown.map((s) => (
              <li key={s.fqdn} aria-label={s.fqdn} className="px-4 py-2.5">
                <p className="font-mono text-[13px] break-all text-slate-900">{s.fqdn}</p>
                <p className="mt-0.5 text-xs text-slate-500">
                  runs in {s.clusters.join(", ") || "no cluster seen"}
                  {unknownNote}
                </p>
                {detail.propagation && (
                  <div className="mt-1.5">
                    <PropagationChips clusters={byFqdn.get(s.fqdn) ?? []} unsynced={unsynced} />
                  </div>
                )}
              </li>
            ))}
          </ul>
          {exposed.length > FIRST && (
            <button type="button" onClick={() => setAll(!all)} className="w-full border-t border-slate-100 px-4 py-2 text-sm font-medium text-indigo-700 hover:bg-slate-50">
              {all ? "Show fewer" : `Show all ${exposed.length}`}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
