"use client";

import * as Tabs from "@radix-ui/react-tabs";
import type { GatewayPreview, ObjectDiff } from "@/lib/workspace-view/types";
import { CodeBlock } from "./code-block";
import { DiffView } from "./diff-view";
import { DryRunResult } from "./dry-run-result";
import { TAB } from "./exposure-preview-tabs";
import { GatewayConsequencesTab } from "./gateway-consequences-tab";
import { StatusPill, type Tone } from "./status-pill";

const CHANGE: Record<ObjectDiff["kind"], { label: string; tone: Tone }> = {
  create: { label: "Creates", tone: "info" },
  update: { label: "Updates", tone: "warn" },
  "no-changes": { label: "No changes", tone: "neutral" },
};

/**
 * What the apply would write, where, and what each cluster's API server said to the dry run; and, as in the expose
 * dialog, the registry's consequences. The "expose all" sentence stays above the tabs: it is the surprise.
 */
export function GatewayPreviewPanel({ preview }: { preview: GatewayPreview }) {
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        IngressGateway <span className="font-mono font-medium text-slate-900">{preview.namespace}/{preview.name}</span> in{" "}
        {preview.clusters.map((c) => c.cluster).join(", ")}. Nothing has been written yet.
      </p>
      {preview.exposeAll && <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">{preview.exposeAll}</p>}
      <Tabs.Root defaultValue="writes">
        <Tabs.List aria-label="Preview" className="flex flex-wrap gap-1 border-b border-slate-200">
          <Tabs.Trigger value="writes" className={TAB}>
            What it writes
          </Tabs.Trigger>
          <Tabs.Trigger value="consequences" className={TAB}>
            Consequences
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="writes" className="pt-3">
          <WhatItWrites preview={preview} />
        </Tabs.Content>
        <Tabs.Content value="consequences" className="pt-3">
          <GatewayConsequencesTab preview={preview} />
        </Tabs.Content>
      </Tabs.Root>
    </div>
  );
}

function WhatItWrites({ preview }: { preview: GatewayPreview }) {
  return (
    <div className="space-y-4">
      {preview.warnings.length > 0 && (
        <ul aria-label="Warnings" className="space-y-1 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          {preview.warnings.map((w) => (
            <li key={`${w.field}:${w.message}`}>
              <span className="font-semibold">Warning:</span> {w.message}
            </li>
          ))}
        </ul>
      )}
      <ul aria-label="Preview per cluster" className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
        {preview.clusters.map((c) => (
          <li key={c.cluster} aria-label={c.cluster} className="space-y-2 px-3 py-2.5">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className="w-16 font-semibold text-slate-900">{c.cluster}</span>
              <StatusPill tone={CHANGE[c.diff.kind].tone}>{CHANGE[c.diff.kind].label}</StatusPill>
              <DryRunResult dryRun={c.dryRun} cluster={c.cluster} />
            </div>
            {c.diff.kind !== "no-changes" && (
              <details className="group">
                <summary className="cursor-pointer text-xs font-medium text-indigo-700">Diff against live in {c.cluster}</summary>
                <div className="mt-2">
                  <DiffView diff={c.diff} label={`Diff for ${c.cluster}`} />
                </div>
              </details>
            )}
          </li>
        ))}
      </ul>
      <CodeBlock label="IngressGateway YAML" text={preview.yaml} />
      <CodeBlock label="kubectl command" text={preview.kubectl} maxHeight="max-h-48" />
    </div>
  );
}
