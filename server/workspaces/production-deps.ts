// WorkspaceDeps from the request context's fleet service (and registry, when it runs). Writers are made per
// call from the fleet's current handle, so a kubeconfig that changes while the console runs is followed.
import type { FleetService } from "@/server/fleet/service";
import { createConsoleWriter, CONSOLE_WRITE_TIMEOUT_MS } from "@/server/kube/console-writer";
import type { RegistryService } from "@/server/registry/service";
import type { WorkspaceDeps } from "./deps";
import { createInFlight } from "./in-flight";
import { createSettingsApiCache } from "./settings-api";

const settingsApi = createSettingsApiCache({ timeoutMs: 5_000 });
/** One per process: a double click from any browser tab coalesces with the first. */
const inFlight = createInFlight();

export function workspaceDepsFrom(fleet: FleetService, registry?: Promise<RegistryService>): WorkspaceDeps {
  return {
    inFlight,
    snapshot: () => fleet.snapshots.current(),
    writerFor: (cluster) => {
      const handle = fleet.handle(cluster);
      return handle ? createConsoleWriter(handle, { timeoutMs: CONSOLE_WRITE_TIMEOUT_MS }) : undefined;
    },
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
          gatewayHostnames: async () => {
            try {
              return (await registry).hostnames.resolved();
            } catch {
              // No registry answers: DNS-named gateways stay unresolved in previews, as the registry would say.
              return undefined;
            }
          },
        }
      : {}),
  };
}
