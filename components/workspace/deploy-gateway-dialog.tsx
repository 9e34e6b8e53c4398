"use client";

import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { fieldErrorsOf, unplacedErrors } from "@/lib/workspace-view/field-errors";
import type { GatewayDeployInput, GatewayPreview, WorkspaceDetail } from "@/lib/workspace-view/types";
import { useTRPC } from "../trpc";
import { DialogShell, PRIMARY_BUTTON, SECONDARY_BUTTON } from "./dialog-shell";
import { DeployGatewayForm, type DeployFormValues } from "./deploy-gateway-form";
import { ErrorAlert } from "./error-alert";
import { GatewayApplyProgress } from "./gateway-apply-progress";
import { GatewayPreviewPanel } from "./gateway-preview-panel";

const FORM_FIELDS = ["clusters", "namespace", "name"];

type Props = { detail: WorkspaceDetail; open: boolean; onOpenChange: (open: boolean) => void };

/** Deploy an east-west IngressGateway to chosen clusters: form → preview (dry-run) → apply → progress. */
export function DeployGatewayDialog({ detail, open, onOpenChange }: Props) {
  return (
    <DialogShell
      open={open}
      onOpenChange={onOpenChange}
      wide
      title="Deploy east-west gateway"
      description={`An IngressGateway with eastWestOnly: true, applied with server-side apply to each cluster you pick in ${detail.name}.`}
    >
      <DeployFlow detail={detail} onDone={() => onOpenChange(false)} />
    </DialogShell>
  );
}

function initialValues(detail: WorkspaceDetail): DeployFormValues {
  // Pre-tick the synced clusters that have no gateway yet: the seed's steps 1 and 3 in one go. A cluster not
  // synced is never pre-ticked (it cannot be written to, and "no gateway" may only mean "not seen yet").
  const clusters = detail.clusters.filter((c) => c.freshness.state === "synced" && c.gateways.length === 0).map((c) => c.name);
  return { clusters, namespace: detail.defaultGatewayNamespace ?? "", name: "eastwest-gateway" };
}

function DeployFlow({ detail, onDone }: { detail: WorkspaceDetail; onDone: () => void }) {
  const trpc = useTRPC();
  const [values, setValues] = useState(() => initialValues(detail));
  const [sent, setSent] = useState<GatewayDeployInput | null>(null);
  const [preview, setPreview] = useState<GatewayPreview | null>(null);
  const previewCall = useMutation(trpc.workspace.gatewayPreview.mutationOptions({ onSuccess: setPreview }));
  const applyCall = useMutation(trpc.workspace.gatewayApply.mutationOptions());
  // A double click lands before React re-renders the disabled button: the ref stops the second apply.
  const applying = useRef(false);

  const toInput = (v: DeployFormValues): GatewayDeployInput => ({ workspace: detail.name, clusters: v.clusters, namespace: v.namespace.trim(), name: v.name.trim() });
  const runPreview = () => {
    const input = toInput(values);
    setSent(input);
    setPreview(null);
    previewCall.mutate(input);
  };
  const runApply = () => {
    if (!sent || applying.current) return;
    applying.current = true;
    applyCall.mutate(sent, { onSettled: () => (applying.current = false) });
  };

  if (applyCall.data && preview) {
    return <GatewayApplyProgress workspace={detail.name} preview={preview} results={applyCall.data.results} onDone={onDone} />;
  }
  const errors = fieldErrorsOf(preview ? applyCall.error : previewCall.error);
  const badRequest = errors.length > 0;
  if (preview && sent) {
    return (
      <div className="space-y-4">
        <GatewayPreviewPanel preview={preview} />
        {applyCall.error && (
          <ErrorAlert title="Nothing was applied" error={applyCall.error} />
        )}
        <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
          <button type="button" className={SECONDARY_BUTTON} onClick={() => setPreview(null)} disabled={applyCall.isPending}>
            Back
          </button>
          <button type="button" className={PRIMARY_BUTTON} onClick={runApply} disabled={applyCall.isPending}>
            {applyCall.isPending ? "Applying…" : `Confirm and apply to ${sent.clusters.length} cluster${sent.clusters.length === 1 ? "" : "s"}`}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <DeployGatewayForm detail={detail} values={values} onChange={setValues} errors={errors} sentClusters={sent?.clusters ?? []} />
      {badRequest && unplacedErrors(errors, FORM_FIELDS).length > 0 && (
        <ErrorAlert title="The console cannot build this gateway">
          <ul className="mt-1 list-disc pl-5">
            {unplacedErrors(errors, FORM_FIELDS).map((e) => (
              <li key={`${e.field}:${e.message}`}>{e.message}</li>
            ))}
          </ul>
        </ErrorAlert>
      )}
      {previewCall.error && !badRequest && <ErrorAlert title="The preview failed" error={previewCall.error} />}
      <div className="flex items-center justify-end gap-3 border-t border-slate-100 pt-4">
        {values.clusters.length === 0 && <p className="text-xs text-slate-500">Tick at least one cluster to preview.</p>}
        <button type="button" className={PRIMARY_BUTTON} onClick={runPreview} disabled={previewCall.isPending || values.clusters.length === 0}>
          {previewCall.isPending ? "Building preview…" : "Preview"}
        </button>
      </div>
    </div>
  );
}
