"use client";

import { grouped } from "@/lib/validation/bounded-text";
import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useReturnFocus } from "../use-return-focus";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import type { GatewayState } from "@/lib/workspace-view/types";
import { useTRPC, useTRPCClient } from "../trpc";
import { CodeBlock } from "./code-block";
import { DANGER_BUTTON, SECONDARY_BUTTON } from "./dialog-shell";
import { ErrorAlert } from "./error-alert";

/**
 * Removing a console-made gateway: first the live object that would be deleted and what stops working (from the
 * server), then an explicit confirm. A gateway the console cannot prove it made is refused: the dialog says what
 * is missing and offers no removal.
 */
export function RemoveGatewayDialog({ workspace, gateway, onClose }: { workspace: string; gateway: GatewayState | null; onClose: () => void }) {
  const returnFocus = useReturnFocus();
  return (
    <AlertDialog.Root open={gateway !== null} onOpenChange={(open) => !open && onClose()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content {...returnFocus} className="fixed top-1/2 left-1/2 z-50 flex max-h-[90vh] w-[calc(100vw-2rem)] max-w-xl -translate-x-1/2 -translate-y-1/2 flex-col overflow-y-auto rounded-xl bg-white p-6 shadow-xl ring-1 ring-slate-200">
          {gateway && <RemoveBody workspace={workspace} gateway={gateway} onClose={onClose} />}
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

function RemoveBody({ workspace, gateway, onClose }: { workspace: string; gateway: GatewayState; onClose: () => void }) {
  const trpc = useTRPC();
  const input = { workspace, cluster: gateway.cluster, namespace: gateway.namespace, name: gateway.name };
  const client = useTRPCClient();
  // A preview is a mutation (it dry-runs), but here it is read-only and keyed by the gateway: asked once per opening.
  const preview = useQuery({
    queryKey: ["workspace.gatewayRemovePreview", input],
    queryFn: () => client.workspace.gatewayRemovePreview.mutate(input),
    retry: false,
    gcTime: 0,
    staleTime: Infinity,
  });
  const remove = useMutation(trpc.workspace.gatewayRemove.mutationOptions());
  const removing = useRef(false);
  const confirm = () => {
    if (removing.current) return;
    removing.current = true;
    remove.mutate(input, { onSuccess: (r) => r.ok && onClose(), onSettled: () => (removing.current = false) });
  };
  const failed = remove.data && !remove.data.ok ? remove.data : null;
  return (
    <div className="space-y-4">
      <div>
        <AlertDialog.Title className="text-lg font-semibold text-slate-900">
          Remove {gateway.name} from {gateway.cluster}?
        </AlertDialog.Title>
        <AlertDialog.Description className="mt-1 text-sm text-slate-600">
          Deletes the IngressGateway {gateway.namespace}/{gateway.name}; the installer then removes its Deployment and Service.
        </AlertDialog.Description>
      </div>
      {preview.isPending && (
        <p role="status" className="text-sm text-slate-600">
          Working out what depends on this gateway…
        </p>
      )}
      {preview.error && <ErrorAlert title="Could not work out the consequences" error={preview.error} />}
      {preview.data && !preview.data.removable && (
        <ErrorAlert title="The console will not remove this gateway">
          <p className="mt-0.5">{preview.data.refusal}</p>
        </ErrorAlert>
      )}
      {preview.data?.yaml && <CodeBlock label="Live IngressGateway YAML" caption="What the cluster holds now" text={preview.data.yaml} maxHeight="max-h-48" />}
      {preview.data?.removable && (
        <>
          <div className="rounded-lg bg-amber-50 px-3 py-2.5 text-sm text-amber-900 ring-1 ring-amber-200">
            <p className="font-semibold">What will stop working</p>
            {preview.data.consequences.length === 0 ? (
              <p className="mt-1">Nothing: no exposed service depends on this gateway.</p>
            ) : (
              <ul aria-label="What will stop working" className="mt-1 list-disc space-y-0.5 pl-5">
                {preview.data.consequences.map((c) => (
                  // The server says these first: a cluster left with no working instance of the service.
                  <li key={c} className={c.includes(" becomes unreachable in ") ? "font-semibold text-rose-900" : undefined}>
                    {c}
                  </li>
                ))}
                {(preview.data.moreConsequences ?? 0) > 0 && <li>…and {grouped(preview.data.moreConsequences ?? 0)} more like these, not listed.</li>}
              </ul>
            )}
          </div>
          <CodeBlock label="kubectl command" text={preview.data.kubectl} maxHeight="max-h-24" wrap />
        </>
      )}
      {remove.error && <ErrorAlert title="Nothing was removed" error={remove.error} />}
      {failed && <ErrorAlert title={`${failed.cluster} refused the removal`}>{<p className="mt-0.5 font-mono text-xs">{failed.message}</p>}</ErrorAlert>}
      <div className="flex justify-end gap-2">
        <AlertDialog.Cancel className={SECONDARY_BUTTON}>Cancel</AlertDialog.Cancel>
        <button type="button" className={DANGER_BUTTON} onClick={confirm} disabled={!preview.data?.removable || remove.isPending}>
          {remove.isPending ? "Removing…" : "Remove gateway"}
        </button>
      </div>
    </div>
  );
}
