// WorkspaceDeps from the request context's fleet service, fleet model (and registry, when it runs). A cluster's
// writer is made once and kept while the fleet's handle for it holds the same KubeConfig (a kubeconfig that
// changes while the console runs makes a new one), so a preview costs only its own requests. A request made for a
// person (an actor, or an audit sink to record in) gets writers of its own, made per call from the live handle
// (no I/O): they impersonate the person (server/kube/impersonation.ts) and record every real write.
import type { Actor } from "@/server/auth/identity";
import type { AuditSink } from "@/server/audit/types";
import type { FleetService } from "@/server/fleet/service";
import { serverEnv } from "@/server/env";
import { createConsoleWriter, CONSOLE_WRITE_TIMEOUT_MS, type ConsoleWriter } from "@/server/kube/console-writer";
import { createEnvModel } from "@/server/model/env-model";
import { createPlannerHost } from "@/server/model/planner-host";
import type { FleetModel } from "@/server/model/types";
import { followHandles } from "@/server/registry/handle-pool";
import type { RegistryService } from "@/server/registry/service";
import type { WorkspaceDeps } from "./deps";
import { createInFlight } from "./in-flight";
import { createSettingsApiCache } from "./settings-api";

const settingsApi = createSettingsApiCache({ timeoutMs: 5_000 });
/** One per process: a double click from any browser tab coalesces with the first. */
const inFlight = createInFlight();

/** Writers per fleet service (one per process; tests make several). */
const writersByFleet = new WeakMap<FleetService, (cluster: string) => ConsoleWriter | undefined>();

function writersOf(fleet: FleetService): (cluster: string) => ConsoleWriter | undefined {
  let writers = writersByFleet.get(fleet);
  if (!writers) {
    writers = followHandles(fleet.handle, (handle) => createConsoleWriter(handle, { timeoutMs: CONSOLE_WRITE_TIMEOUT_MS }));
    writersByFleet.set(fleet, writers);
  }
  return writers;
}

/** The request's person: who (absent in mode none) and where their writes are recorded. */
export type OnBehalf = { actor?: Actor; audit?: AuditSink };

function personalWriters(fleet: FleetService, who: OnBehalf): (cluster: string) => ConsoleWriter | undefined {
  // Reads act as the person only when configured; the environment is read once a person is involved.
  const impersonateReads = who.actor?.identity ? serverEnv().impersonateReads : false;
  return (cluster) => {
    const handle = fleet.handle(cluster);
    if (!handle?.kubeConfig) return undefined;
    return createConsoleWriter(handle, { timeoutMs: CONSOLE_WRITE_TIMEOUT_MS, ...who, impersonateReads });
  };
}

const modelsByFleet = new WeakMap<FleetService, FleetModel>();

/** The model a request reads: the context's (the runtime's, server/runtime.ts), else modelOfFleet's. */
export function modelOf(ctx: { fleet: FleetService; model?: FleetModel }): FleetModel {
  return ctx.model ?? modelOfFleet(ctx.fleet);
}

/**
 * A fleet model of its own for a fleet service that comes without one (router tests with a fake fleet,
 * integration tests, scripts): over the fleet's snapshots, planning on this thread, kept per fleet service.
 */
export function modelOfFleet(fleet: FleetService): FleetModel {
  let model = modelsByFleet.get(fleet);
  if (!model) {
    model = createEnvModel({ env: serverEnv(), snapshots: fleet.snapshots, host: createPlannerHost({ inProcess: true }) });
    modelsByFleet.set(fleet, model);
  }
  return model;
}

export function workspaceDepsFrom(fleet: FleetService, registry?: Promise<RegistryService>, model: FleetModel = modelOfFleet(fleet), who: OnBehalf = {}): WorkspaceDeps {
  const personal = who.actor !== undefined || who.audit !== undefined;
  return {
    inFlight,
    model,
    writerFor: personal ? personalWriters(fleet, who) : writersOf(fleet),
    ...(who.actor ? { actor: who.actor } : {}),
    ...(who.audit ? { audit: who.audit } : {}),
    excludedClusters: () => fleet.excluded?.() ?? [],
    settingsApi: () => {
      const management = fleet.snapshots.current().managementCluster;
      return settingsApi(management ? fleet.handle(management) : undefined);
    },
    ...(registry
      ? {
          registryStatus: async () => {
            try {
              return (await registry).status();
            } catch {
              // A registry that failed to start reports nothing; the page falls back to the planner's conditions.
              return undefined;
            }
          },
        }
      : {}),
  };
}
