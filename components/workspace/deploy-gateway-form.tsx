"use client";

import type { FieldError } from "@/lib/validation/field-error";
import { errorsFor } from "@/lib/workspace-view/field-errors";
import { neverReachedPhrase } from "@/lib/fleet/ever-synced";
import type { ClusterFreshness, WorkspaceDetail } from "@/lib/workspace-view/types";
import { FieldMessage } from "./field-message";

export type DeployFormValues = { clusters: string[]; namespace: string; name: string };

type Props = {
  detail: WorkspaceDetail;
  values: DeployFormValues;
  onChange: (v: DeployFormValues) => void;
  errors: readonly FieldError[];
  /** The clusters as last sent: `clusters.N` errors index into this list. */
  sentClusters: readonly string[];
};

const INPUT =
  "mt-1 block w-full rounded-md border-0 px-3 py-1.5 font-mono text-sm text-slate-900 ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-500 aria-[invalid=true]:ring-rose-400";

/** Why a cluster that is not synced cannot be picked; a never-synced one is not called "stale" (there is no old state). */
function unavailableNote(f: ClusterFreshness): string {
  if (!f.everSynced) return f.state === "stale" ? `Not yet synced: ${neverReachedPhrase(f.watchingSince)}; the console cannot write to it` : "Not yet synced: the console is still listing it";
  return f.state === "stale" ? "Stale: the console cannot write to it until it answers" : "Syncing: wait until the console has listed it again";
}

/** Clusters (stale ones disabled, saying why), namespace and name, each with the server's message under it. */
export function DeployGatewayForm({ detail, values, onChange, errors, sentClusters }: Props) {
  const toggle = (name: string, on: boolean) =>
    onChange({ ...values, clusters: on ? [...values.clusters, name] : values.clusters.filter((c) => c !== name) });
  const clusterErrors = (name: string) => errors.filter((e) => e.field.startsWith("clusters.") && sentClusters[Number(e.field.split(".")[1])] === name);
  const listErrors = errors.filter((e) => e.field === "clusters");
  const nsErrors = errorsFor(errors, "namespace");
  const nameErrors = errorsFor(errors, "name");
  return (
    <div className="space-y-5">
      <fieldset aria-describedby={listErrors.length ? "clusters-error" : undefined}>
        <legend className="text-sm font-semibold text-slate-900">Clusters</legend>
        <p className="text-xs text-slate-500">One gateway per cluster; every cluster that serves or fails over needs one.</p>
        <ul className="mt-2 grid gap-2 sm:grid-cols-3">
          {detail.clusters.map((c) => {
            // Only a synced cluster can be written to (the server refuses the others too).
            const stale = c.freshness.state !== "synced";
            const existing = c.gateways.map((g) => `${g.namespace}/${g.name}`).join(", ");
            const own = clusterErrors(c.name);
            return (
              <li key={c.name} className={`rounded-lg px-3 py-2 ring-1 ${own.length ? "ring-rose-300" : "ring-slate-200"} ${stale ? "bg-slate-50" : "bg-white"}`}>
                <label className={`flex items-center gap-2 text-sm font-medium ${stale ? "text-slate-400" : "text-slate-900"}`}>
                  <input
                    type="checkbox"
                    className="size-4 accent-indigo-600"
                    checked={values.clusters.includes(c.name)}
                    disabled={stale}
                    aria-describedby={`deploy-${c.name}-note`}
                    onChange={(e) => toggle(c.name, e.target.checked)}
                  />
                  {c.name}
                </label>
                <p id={`deploy-${c.name}-note`} className="mt-0.5 text-xs text-slate-500">
                  {stale ? unavailableNote(c.freshness) : existing ? `Has ${existing}` : "No gateway yet"}
                </p>
                <FieldMessage id={`deploy-${c.name}-error`} errors={own} />
              </li>
            );
          })}
        </ul>
        <FieldMessage id="clusters-error" errors={listErrors} />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="deploy-namespace" className="text-sm font-semibold text-slate-900">
            Namespace
          </label>
          <input
            id="deploy-namespace"
            className={INPUT}
            value={values.namespace}
            placeholder={detail.defaultGatewayNamespace ?? ""}
            aria-invalid={nsErrors.length > 0}
            aria-describedby={nsErrors.length ? "deploy-namespace-error" : undefined}
            onChange={(e) => onChange({ ...values, namespace: e.target.value })}
          />
          <FieldMessage id="deploy-namespace-error" errors={nsErrors} />
        </div>
        <div>
          <label htmlFor="deploy-name" className="text-sm font-semibold text-slate-900">
            Gateway name
          </label>
          <input
            id="deploy-name"
            className={INPUT}
            value={values.name}
            aria-invalid={nameErrors.length > 0}
            aria-describedby={nameErrors.length ? "deploy-name-error" : "deploy-name-hint"}
            onChange={(e) => onChange({ ...values, name: e.target.value })}
          />
          {nameErrors.length === 0 && (
            <p id="deploy-name-hint" className="mt-1 text-xs text-slate-500">
              Pods get <span className="font-mono">app={values.name || "…"}</span>; the WorkspaceSetting selects them by it.
            </p>
          )}
          <FieldMessage id="deploy-name-error" errors={nameErrors} />
        </div>
      </div>
    </div>
  );
}
