// What the workspace functions need, passed in (no tRPC, no globals): the fleet model (the snapshot, the
// registry's planner input and plan, previews by fork), a writer per cluster (undefined for an unknown cluster or
// one without usable credentials), the WorkspaceSetting API the management cluster serves, and the registry's
// status when the registry runs. `actor`/`audit`: who the request is for (its writers act as them, see
// production-deps.ts) and where its writes are recorded.
import type { Actor } from "@/server/auth/identity";
import type { AuditSink } from "@/server/audit/types";
import type { ConsoleWriter } from "@/server/kube/console-writer";
import type { FleetModel } from "@/server/model/types";
import type { RegistryStatus } from "@/server/registry/status";
import type { InFlight } from "./in-flight";
import type { SettingsApi } from "./settings-api";

export type WorkspaceDeps = {
  /** The process's one fleet model: pages, previews and readiness read it; nothing plans on a request. */
  model: FleetModel;
  writerFor: (cluster: string) => ConsoleWriter | undefined;
  settingsApi: () => Promise<SettingsApi>;
  registryStatus?: () => Promise<RegistryStatus | undefined>;
  /** Kubeconfig contexts EASTWEST_CONTEXTS leaves out: naming one is a 404 that says it is excluded. */
  excludedClusters?: () => readonly string[];
  /** Coalesces identical concurrent applies; share one per process (see in-flight.ts). */
  inFlight: InFlight;
  /** Who asked; absent in mode none (the console's own credentials). Part of every in-flight key. */
  actor?: Actor;
  /** Where writes are recorded (writerFor's writers call it); absent: not recorded. */
  audit?: AuditSink;
};
