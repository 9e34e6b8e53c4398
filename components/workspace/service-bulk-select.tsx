"use client";

import { useState } from "react";
import { inNamespace, namespacesOf } from "@/lib/workspace-view/service-selection";
import type { WorkspaceService } from "@/lib/workspace-view/types";

type Props = {
  services: readonly WorkspaceService[];
  /** The services the search shows (all of them when the search is empty). */
  shown: readonly WorkspaceService[];
  searching: boolean;
  onMany: (fqdns: readonly string[], on: boolean) => void;
};

const SMALL_BUTTON =
  "rounded-md bg-white px-2.5 py-1 text-xs font-medium text-slate-800 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-indigo-500";

/** Many services at once: all of them, those the search shows, one namespace's, or none. */
export function ServiceBulkSelect({ services, shown, searching, onMany }: Props) {
  const namespaces = namespacesOf(services);
  const [namespace, setNamespace] = useState(namespaces[0]?.namespace ?? "");
  const fqdns = (list: readonly WorkspaceService[]) => list.map((s) => s.fqdn);
  return (
    <div role="group" aria-label="Select many" className="flex flex-wrap items-center gap-2">
      <button type="button" className={SMALL_BUTTON} onClick={() => onMany(fqdns(services), true)}>
        Select all {services.length}
      </button>
      {searching && (
        <button type="button" className={SMALL_BUTTON} disabled={shown.length === 0} onClick={() => onMany(fqdns(shown), true)}>
          Select the {shown.length} matching
        </button>
      )}
      <span className="flex items-center gap-1">
        <label htmlFor="service-namespace" className="text-xs text-slate-600">
          Namespace
        </label>
        <select
          id="service-namespace"
          value={namespace}
          onChange={(e) => setNamespace(e.target.value)}
          className="rounded-md border-0 py-1 pr-7 pl-2 text-xs text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-500"
        >
          {namespaces.map((n) => (
            <option key={n.namespace} value={n.namespace}>
              {n.namespace} ({n.count})
            </option>
          ))}
        </select>
        <button type="button" className={SMALL_BUTTON} disabled={namespace === ""} onClick={() => onMany(inNamespace(services, namespace), true)}>
          Select namespace
        </button>
      </span>
      <button type="button" className={SMALL_BUTTON} onClick={() => onMany(searching ? fqdns(shown) : fqdns(services), false)}>
        {searching ? "Clear the matching" : "Clear all"}
      </button>
    </div>
  );
}
