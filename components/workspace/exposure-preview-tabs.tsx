"use client";

import * as Tabs from "@radix-ui/react-tabs";
import type { ExposurePreview } from "@/lib/workspace-view/types";
import { CodeBlock } from "./code-block";
import { ConsequencesPanel } from "./consequences-panel";
import { DiffView } from "./diff-view";
import { DryRunResult } from "./dry-run-result";

/** A preview tab (shared by the expose and deploy previews). */
export const TAB =
  "border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 data-[state=active]:border-indigo-600 data-[state=active]:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-500";

/** The WorkspaceSetting change four ways: as YAML, against the live object, as the API server judged it, and per cluster. */
export function ExposurePreviewTabs({ preview }: { preview: ExposurePreview }) {
  const dryRunMark = preview.dryRun.ok ? "✓" : "✗";
  return (
    <Tabs.Root defaultValue="yaml">
      <Tabs.List aria-label="Preview" className="flex flex-wrap gap-1 border-b border-slate-200">
        <Tabs.Trigger value="yaml" className={TAB}>
          YAML
        </Tabs.Trigger>
        <Tabs.Trigger value="diff" className={TAB}>
          Diff against live
        </Tabs.Trigger>
        <Tabs.Trigger value="dry-run" className={TAB}>
          Server dry-run <span aria-hidden="true" className={preview.dryRun.ok ? "text-emerald-600" : "text-rose-600"}>{dryRunMark}</span>
        </Tabs.Trigger>
        <Tabs.Trigger value="consequences" className={TAB}>
          Consequences
        </Tabs.Trigger>
        <Tabs.Trigger value="kubectl" className={TAB}>
          kubectl
        </Tabs.Trigger>
      </Tabs.List>
      <Tabs.Content value="yaml" className="pt-3">
        <CodeBlock label="WorkspaceSetting YAML" text={preview.yaml} />
      </Tabs.Content>
      <Tabs.Content value="diff" className="pt-3">
        {!preview.target.exists && <p className="mb-2 text-sm text-slate-600">No WorkspaceSetting exists yet: the apply creates it.</p>}
        <DiffView diff={preview.diff} label="Diff against the live WorkspaceSetting" />
      </Tabs.Content>
      <Tabs.Content value="dry-run" className="pt-3">
        <div className="rounded-lg px-3 py-2.5 ring-1 ring-slate-200">
          <DryRunResult dryRun={preview.dryRun} cluster={preview.target.cluster} />
          <p className="mt-1 text-xs text-slate-500">Server-side apply with dryRun=All as field manager eastwest-console: validated and admitted, not stored.</p>
        </div>
      </Tabs.Content>
      <Tabs.Content value="consequences" className="space-y-3 pt-3">
        <ConsequencesPanel consequences={preview.consequences} conditions={preview.conditions} />
      </Tabs.Content>
      <Tabs.Content value="kubectl" className="pt-3">
        <CodeBlock label="kubectl command" text={preview.kubectl} />
      </Tabs.Content>
    </Tabs.Root>
  );
}
