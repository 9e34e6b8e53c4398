import { serverEnv } from "./env";
import { startFleetService, type FleetService } from "./fleet/service";
import { startRegistryService, type RegistryService } from "./registry/service";

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
  const env = serverEnv();
  const log = (line: string) => console.log(line);
  const fleet = startFleetService(env, log);
  // The registry plans from the fleet's snapshots and writes only while it holds the Lease in the
  // management cluster (EASTWEST_REGISTRY_MODE=observe: never writes, only compares).
  const registry = startRegistryService({ env, snapshots: fleet.snapshots, log });
  registry.catch((err: unknown) => log(`registry: failed to start (${err instanceof Error ? err.name : "error"})`));
  return { fleet, registry };
}
