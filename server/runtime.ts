import { serverEnv } from "./env";
import { startFleetService, type FleetService } from "./fleet/service";

export type Runtime = { fleet: FleetService };

const KEY = Symbol.for("eastwest-console.runtime");
type Holder = { [KEY]?: Runtime };

/**
 * The one process singleton. Next loads instrumentation, route handlers and server
 * components as separate module graphs (and dev reloads them), so the instance lives on
 * globalThis: whoever comes first starts it, everyone else gets the same one.
 */
export function getRuntime(): Runtime {
  const holder = globalThis as Holder;
  holder[KEY] ??= { fleet: startFleetService(serverEnv(), (line) => console.log(line)) };
  return holder[KEY];
}
