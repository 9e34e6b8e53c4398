// Never part of a browser bundle: it holds credentials or process state (the "server-only" package fails the
// build if a client component imports this module, and throws outside a react-server/Next server runtime).
import "server-only";
import { hostname } from "node:os";
import { createAuditSink, type RunningAuditSink } from "./audit/sink";
import { startDrills } from "./drills/production";
import type { DrillService } from "./drills/types";
import { serverEnv, type ServerEnv } from "./env";
import { startFleetService, type FleetService } from "./fleet/service";
import { FIELD_MANAGER } from "./kube/writer";
import { createEnvModel } from "./model/env-model";
import { defaultPlannerHost } from "./model/default-host";
import type { FleetModel, PlannerHost } from "./model/types";
import { createHostnameResolver, type Lookup } from "./registry/hostname-resolver";
import { startRegistryService, type RegistryService } from "./registry/service";
import { installShutdownHook } from "./registry/shutdown-hook";
import { registryLine } from "./startup/registry-line";

/**
 * `model`: the one fleet model of the process (server/model/types.ts); every view of the fleet reads it.
 * `drills`: the failover drills (server/drills): their runner runs on the leader only, the service on every replica.
 * `audit`: where writes made on a person's behalf are recorded (server/audit): a log line and an Event on the object.
 */
export type Runtime = { fleet: FleetService; model: FleetModel; registry: Promise<RegistryService>; drills: DrillService; audit: RunningAuditSink };

const KEY = Symbol.for("eastwest-console.runtime");
type Holder = { [KEY]?: Runtime };

/**
 * The one process singleton. Next loads instrumentation, route handlers and server
 * components as separate module graphs (and dev reloads them), so the instance lives on
 * globalThis: whoever comes first starts it, everyone else gets the same one.
 */
export function getRuntime(): Runtime {
  const holder = globalThis as Holder;
  holder[KEY] ??= start();
  return holder[KEY];
}

function start(): Runtime {
  const log = (line: string) => console.log(line);
  const runtime = startRuntime(serverEnv(), log);
  // On SIGTERM/SIGINT: finish writes and release the Lease (a new replica then takes over in ~2 s, not 15 s).
  installShutdownHook({ stop: runtime.stop, log });
  return runtime;
}

export type RuntimeOptions = { plannerHost?: PlannerHost; lookup?: Lookup };

/**
 * The fleet, its model and the registry, wired as the console runs them (tests start it on a lab's kubeconfig).
 * Once the kubeconfig is read, one line says whether the registry will write and to which clusters.
 */
export function startRuntime(env: ServerEnv, log: (line: string) => void, options: RuntimeOptions = {}): Runtime & { stop: () => Promise<void> } {
  const fleet = startFleetService(env, log);
  // One resolver for gateway hostnames: the model plans with its answers, the registry reports its failures.
  const hostnames = createHostnameResolver(options.lookup ? { lookup: options.lookup } : {});
  const host = options.plannerHost ?? defaultPlannerHost(log);
  const model = createEnvModel({ env, snapshots: fleet.snapshots, host, hostnames, log });
  // The registry writes what the model plans, through the fleet's live cluster handles, and only while it holds
  // the Lease in the management cluster (EASTWEST_REGISTRY_MODE=observe: never writes).
  const registry = startRegistryService({ env, snapshots: fleet.snapshots, handle: fleet.handle, log, model, hostnames });
  // Drills run on the registry's Lease holder (or, in observe mode, on a Lease of their own).
  const drills = startDrills({ env, fleet, model, registry, log });
  // Audit Events are written with the console's own credentials through the fleet's handles, whatever the person.
  const audit = createAuditSink({ log, instance: `${hostname()}-${process.pid}`, handle: fleet.handle });
  void fleet.ready().then(() => {
    const view = fleet.view();
    const ready = view.kind === "ready";
    log(
      registryLine({
        mode: env.registryMode,
        clusters: ready ? view.clusters.map((c) => c.cluster) : [],
        fieldManager: FIELD_MANAGER,
        managementCluster: ready ? view.managementCluster : null,
      }),
    );
  });
  return {
    fleet,
    model,
    registry: Promise.resolve(registry),
    drills: drills.service,
    audit,
    stop: async () => {
      // Drill steps in flight finish first (a drill left mid-way is resumed from its status by the next leader),
      // then the registry's writes finish and the Lease is released; then nothing more is planned or looked up.
      await drills.stop();
      await registry.stop();
      // The last writes' audit Events are sent (each has its own deadline) before the handles go.
      await audit.drain();
      await model.stop();
      await host.stop();
      hostnames.stop();
      fleet.stop();
    },
  };
}
