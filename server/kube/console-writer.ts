// The console's own writes, for user actions (deploy a gateway, change a WorkspaceSetting): the one writer
// (object-writer.ts) under the field manager `eastwest-console`. The console forces an apply only when the
// person chose to; a conflict with another manager is shown, never silently taken over. Made for a person (an
// actor with an identity), it writes as them (impersonation.ts): the cluster's RBAC decides and its audit log and
// our audit sink name them. Every real write (not a dry-run) is recorded in the audit sink once the cluster
// answered, whatever it answered.
import { FIELD_MANAGER, type Manifest } from "@/lib/manifests/manifest";
import type { Actor } from "@/server/auth/identity";
import type { AuditEntry, AuditSink } from "@/server/audit/types";
import { auditOutcome } from "./audit-outcome";
import type { ApplyOutcome, GetOutcome, ListOutcome, RemoveOutcome } from "./console-outcome";
import { impersonationOf } from "./impersonation";
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

export type ConsoleWriterOptions = {
  timeoutMs?: number;
  /** Who asked (absent: mode none, the console's own kubeconfig user). */
  actor?: Actor;
  /** Reads act as the person too (EASTWEST_IMPERSONATE_READS). */
  impersonateReads?: boolean;
  /** Where real writes are recorded; absent: not recorded (the registry's own work, tests). */
  audit?: AuditSink;
};

const objectOf = (ref: ConsoleObjectRef, uid: string | undefined): AuditEntry["object"] => ({
  apiVersion: ref.apiVersion,
  kind: ref.kind,
  ...(ref.namespace ? { namespace: ref.namespace } : {}),
  name: ref.name,
  ...(uid ? { uid } : {}),
});

const refOf = (m: Manifest): ConsoleObjectRef => ({ apiVersion: m.apiVersion, kind: m.kind, name: m.metadata.name, ...(m.metadata.namespace ? { namespace: m.metadata.namespace } : {}) });

export function createConsoleWriter(handle: ClusterHandle, options: ConsoleWriterOptions = {}): ConsoleWriter | undefined {
  const who = impersonationOf(options.actor);
  const writer = createObjectWriter(handle, {
    fieldManager: FIELD_MANAGER,
    timeoutMs: options.timeoutMs ?? CONSOLE_WRITE_TIMEOUT_MS,
    ...(who ? { impersonate: who, impersonateReads: options.impersonateReads === true } : {}),
  });
  if (!writer) return undefined;
  const { audit, actor } = options;
  const record = (entry: Omit<AuditEntry, "actor" | "cluster">) => audit?.record({ actor, cluster: handle.name, ...entry });
  return {
    cluster: writer.cluster,
    get: (ref) => writer.get(ref),
    list: (ref) => writer.list(ref),
    async apply(manifest, how) {
      const outcome = await writer.apply(manifest, how);
      if (!how.dryRun) record({ verb: "apply", object: objectOf(refOf(manifest), outcome.ok ? outcome.object.metadata.uid : undefined), ...auditOutcome(outcome, how.force ? "forced" : undefined) });
      return outcome;
    },
    async remove(ref, precondition) {
      const outcome = await writer.remove(ref, precondition);
      record({ verb: "delete", object: objectOf(ref, precondition.uid), ...auditOutcome(outcome) });
      return outcome;
    },
  };
}
