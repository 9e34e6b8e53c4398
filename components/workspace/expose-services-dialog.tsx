"use client";

import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { initialSelection, sameAsLive, withMany } from "@/lib/workspace-view/service-selection";
import { fieldErrorsOf } from "@/lib/workspace-view/field-errors";
import type { Exposure, ExposureInput, ExposurePreview, WorkspaceDetail } from "@/lib/workspace-view/types";
import { useTRPC } from "../trpc";
import { DialogShell, PRIMARY_BUTTON } from "./dialog-shell";
import { ErrorAlert } from "./error-alert";
import { ExposureChooser } from "./exposure-chooser";
import { ExposureConfirm } from "./exposure-confirm";
import { ExposureResult } from "./exposure-result";

type Props = { detail: WorkspaceDetail; open: boolean; onOpenChange: (open: boolean) => void };

/** Choose what the workspace exposes: all (default) or a set → preview (YAML, diff, dry-run, consequences) → apply. */
export function ExposeServicesDialog({ detail, open, onOpenChange }: Props) {
  return (
    <DialogShell
      open={open}
      onOpenChange={onOpenChange}
      wide
      title="Expose services"
      description={`Which services of ${detail.name} the other clusters can reach by their usual names (the WorkspaceSetting's exposedServices).`}
    >
      <ExposeFlow detail={detail} onDone={() => onOpenChange(false)} />
    </DialogShell>
  );
}

function ExposeFlow({ detail, onDone }: { detail: WorkspaceDetail; onDone: () => void }) {
  const trpc = useTRPC();
  const [mode, setMode] = useState<Exposure["mode"]>(detail.exposure.mode);
  // Starts from what is exposed now (every service under "expose all"). Entries of the live list that name no
  // service of the workspace are not carried into a new choice (the chooser says so).
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => initialSelection(detail.exposure, detail.services));
  const [sent, setSent] = useState<ExposureInput | null>(null);
  const [preview, setPreview] = useState<ExposurePreview | null>(null);
  const previewCall = useMutation(trpc.workspace.exposurePreview.mutationOptions({ onSuccess: setPreview }));
  const applyCall = useMutation(trpc.workspace.exposureApply.mutationOptions());
  const applying = useRef(false);

  const runPreview = () => {
    const exposure: Exposure = mode === "all" ? { mode: "all" } : { mode: "selected", services: [...selected].sort() };
    const input = { workspace: detail.name, exposure };
    setSent(input);
    setPreview(null);
    applyCall.reset();
    previewCall.mutate(input);
  };
  const runApply = (force: boolean) => {
    if (!sent || applying.current) return;
    applying.current = true;
    applyCall.mutate({ ...sent, force }, { onSettled: () => (applying.current = false) });
  };

  if (applyCall.data && sent && preview) {
    return <ExposureResult workspace={detail.name} sent={sent} preview={preview} result={applyCall.data} onBack={() => applyCall.reset()} onDone={onDone} />;
  }
  if (preview && sent) {
    return <ExposureConfirm preview={preview} clusters={detail.clusters.map((c) => c.name)} applying={applyCall.isPending} applyError={applyCall.error} onBack={() => setPreview(null)} onApply={runApply} />;
  }
  const errors = fieldErrorsOf(previewCall.error);
  const sentServices = sent?.exposure.mode === "selected" ? sent.exposure.services : [];
  const errorsOf = (fqdn: string) => errors.filter((e) => e.field.startsWith("exposure.services.") && sentServices[Number(e.field.split(".")[2])] === fqdn);
  // Errors about one service sit next to it; the rest (the list, the workspace) are listed once.
  const general = errors.filter((e) => !/^exposure\.services\.\d+$/.test(e.field));
  return (
    <div className="space-y-4">
      <ExposureChooser
        detail={detail}
        mode={mode}
        onMode={setMode}
        selected={selected}
        onToggle={(fqdn, on) => setSelected((old) => withMany(old, [fqdn], on))}
        onMany={(fqdns, on) => setSelected((old) => withMany(old, fqdns, on))}
        errorsOf={errorsOf}
      />
      {general.length > 0 && (
        <ErrorAlert title="The console cannot build this setting">
          <ul className="mt-1 list-disc pl-5">
            {general.map((e) => (
              <li key={`${e.field}:${e.message}`}>{e.message}</li>
            ))}
          </ul>
        </ErrorAlert>
      )}
      {previewCall.error && errors.length === 0 && <ErrorAlert title="The preview failed" error={previewCall.error} />}
      <div className="flex items-center justify-end gap-3 border-t border-slate-100 pt-4">
        {sameAsLive(detail.exposure, mode, selected) && <p className="text-xs text-slate-500">This is what the live setting says: applying it changes nothing.</p>}
        <button type="button" className={PRIMARY_BUTTON} onClick={runPreview} disabled={previewCall.isPending || (mode === "selected" && selected.size === 0)}>
          {previewCall.isPending ? "Building preview…" : "Preview"}
        </button>
      </div>
    </div>
  );
}
