// The console's own writes, for user actions (deploy a gateway, change a WorkspaceSetting): the one writer
// (object-writer.ts) under the field manager `eastwest-console`. The console forces an apply only when the
// person chose to; a conflict with another manager is shown, never silently taken over.
import { FIELD_MANAGER, type Manifest } from "@/lib/manifests/manifest";
import type { ApplyOutcome, GetOutcome, ListOutcome, RemoveOutcome } from "./console-outcome";
import type { ClusterHandle } from "./kubeconfig";
import { createObjectWriter, type ObjectRef } from "./object-writer";

export type ConsoleObjectRef = ObjectRef;

export type ConsoleWriter = {
  cluster: string;
  get(ref: ConsoleObjectRef): Promise<GetOutcome>;
  apply(manifest: Manifest, options: { dryRun: boolean; force?: boolean }): Promise<ApplyOutcome>;
  remove(ref: ConsoleObjectRef, precondition: { uid: string; resourceVersion: string }): Promise<RemoveOutcome>;
  /** Objects of one kind in one namespace (e.g. TSB WorkspaceSettings, which name their workspace by annotation). */
  list(ref: { apiVersion: string; kind: string; namespace: string }): Promise<ListOutcome>;
};

export const CONSOLE_WRITE_TIMEOUT_MS = 10_000;

export function createConsoleWriter(handle: ClusterHandle, options: { timeoutMs?: number } = {}): ConsoleWriter | undefined {
  return createObjectWriter(handle, { fieldManager: FIELD_MANAGER, timeoutMs: options.timeoutMs ?? CONSOLE_WRITE_TIMEOUT_MS });
}
