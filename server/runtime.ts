// Never part of a browser bundle: it holds credentials or process state (the "server-only" package fails the
// build if a client component imports this module, and throws outside a react-server/Next server runtime).
import "server-only";
import { serverEnv, type ServerEnv } from "./env";
import { startFleetService, type FleetService } from "./fleet/service";
import { FIELD_MANAGER } from "./kube/writer";
import { startRegistryService, type RegistryService } from "./registry/service";
import { installShutdownHook } from "./registry/shutdown-hook";
import { registryLine } from "./startup/registry-line";

export type Runtime = { fleet: FleetService; registry: Promise<RegistryService> };

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

/**
 * The fleet and the registry, wired as the console runs them (tests start it on a lab's kubeconfig). Once the
 * kubeconfig is read, one line says whether the registry will write and to which clusters.
 */
export function startRuntime(env: ServerEnv, log: (line: string) => void): Runtime & { stop: () => Promise<void> } {
  const fleet = startFleetService(env, log);
  // The registry plans from the fleet's snapshots, writes through the fleet's live cluster handles, and writes
  // only while it holds the Lease in the management cluster (EASTWEST_REGISTRY_MODE=observe: never writes).
  const registry = startRegistryService({ env, snapshots: fleet.snapshots, handle: fleet.handle, log });
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
    registry: Promise.resolve(registry),
    stop: async () => {
      await registry.stop();
      fleet.stop();
    },
  };
}
