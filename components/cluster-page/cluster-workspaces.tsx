import Link from "next/link";
import type { ClusterDetail } from "@/server/clusters/types";
import { Section } from "./section-title";

/** The workspaces that cover namespaces of this cluster, each linking to its page. */
export function ClusterWorkspaces({ detail }: { detail: ClusterDetail }) {
  return (
    <Section id="workspaces-title" title="Workspaces spanning it">
      {!detail.known ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-4 text-sm text-slate-600">Unknown until the cluster is listed: its namespaces have not been seen.</p>
      ) : detail.workspaces.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-4 text-sm text-slate-600">No workspace covers a namespace of this cluster.</p>
      ) : (
        <ul aria-label="Workspaces spanning it" className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
          {detail.workspaces.map((ws) => (
            <li key={ws.name} className="flex flex-wrap items-baseline justify-between gap-2 px-5 py-3">
              <Link href={`/workspaces/${encodeURIComponent(ws.name)}`} className="font-semibold text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500">
                {ws.name}
              </Link>
              <span className="text-xs text-slate-600">
                namespace{ws.namespaces.length === 1 ? "" : "s"} {ws.namespaces.join(", ")}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
