"use client";

import type { FieldError } from "@/lib/validation/field-error";
import { exposureCount } from "@/lib/workspace-view/exposure-count";
import type { Exposure, WorkspaceDetail } from "@/lib/workspace-view/types";
import { ServicePicker } from "./service-picker";

type Props = {
  detail: WorkspaceDetail;
  mode: Exposure["mode"];
  onMode: (mode: Exposure["mode"]) => void;
  selected: ReadonlySet<string>;
  onToggle: (fqdn: string, on: boolean) => void;
  onMany: (fqdns: readonly string[], on: boolean) => void;
  errorsOf: (fqdn: string) => FieldError[];
};

const OPTION = "flex cursor-pointer gap-3 rounded-lg px-3 py-2.5 ring-1 has-[:checked]:bg-indigo-50/60 has-[:checked]:ring-indigo-300 ring-slate-200";

/** "Expose all" (no exposedServices: every service, now and later) or a chosen set. */
export function ExposureChooser({ detail, mode, onMode, selected, onToggle, onMany, errorsOf }: Props) {
  const { unnamed } = exposureCount(detail.exposure, detail.services);
  // A cluster never synced since the console started: its services are not known, so they cannot be offered.
  const unknown = detail.clusters.filter((c) => !c.freshness.everSynced).map((c) => c.name);
  return (
    <div className="space-y-4">
      {(unnamed > 0 || unknown.length > 0) && (
        <ul aria-label="What this list leaves out" className="list-disc space-y-0.5 rounded-lg bg-amber-50 py-2 pr-3 pl-7 text-xs text-amber-900 ring-1 ring-amber-200">
          {unnamed > 0 && (
            <li>
              The live setting lists {unnamed.toLocaleString("en-US")} {unnamed === 1 ? "entry that names" : "entries that name"} no service of the workspace; they are not
              offered here, and applying a new choice drops them.
            </li>
          )}
          {unknown.length > 0 && (
            <li>
              {unknown.join(", ")} {unknown.length === 1 ? "is" : "are"} not yet synced: services that run only there are unknown and not listed.
            </li>
          )}
        </ul>
      )}
      <fieldset>
        <legend className="text-sm font-semibold text-slate-900">What to expose</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          <label className={OPTION}>
            <input type="radio" name="exposure-mode" className="mt-1 accent-indigo-600" checked={mode === "all"} onChange={() => onMode("all")} />
            <span>
              <span className="block text-sm font-medium text-slate-900">Expose all (default)</span>
              <span className="block text-xs text-slate-600">Every service of the workspace, including ones deployed later ({detail.services.length} today).</span>
            </span>
          </label>
          <label className={OPTION}>
            <input type="radio" name="exposure-mode" className="mt-1 accent-indigo-600" checked={mode === "selected"} onChange={() => onMode("selected")} />
            <span>
              <span className="block text-sm font-medium text-slate-900">Choose services</span>
              <span className="block text-xs text-slate-600">Only the services you tick, starting from those exposed now; others stay local to their cluster.</span>
            </span>
          </label>
        </div>
      </fieldset>
      {mode === "selected" &&
        (detail.services.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 px-3 py-6 text-center text-sm text-slate-600">
            The workspace has no services yet: its namespaces hold no Service in any cluster.
          </p>
        ) : (
          <>
            <ServicePicker services={detail.services} selected={selected} onToggle={onToggle} onMany={onMany} errorsOf={errorsOf} />
            {selected.size === 0 && <p className="text-xs text-slate-500">Tick at least one service, or choose “Expose all”.</p>}
          </>
        ))}
    </div>
  );
}
