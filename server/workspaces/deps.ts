// What the workspace functions need, passed in (no tRPC, no globals): the current fleet snapshot, a writer per
// cluster (undefined for an unknown cluster or one without usable credentials), the WorkspaceSetting API the
// management cluster serves, and the registry's status when the registry runs.
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { ConsoleWriter } from "@/server/kube/console-writer";
import type { RegistryStatus } from "@/server/registry/status";
import type { HostnameAnswers } from "./fleet-input";
import type { InFlight } from "./in-flight";
import type { SettingsApi } from "./settings-api";

export type WorkspaceDeps = {
  snapshot: () => FleetSnapshot;
  writerFor: (cluster: string) => ConsoleWriter | undefined;
  settingsApi: () => Promise<SettingsApi>;
  registryStatus?: () => Promise<RegistryStatus | undefined>;
  /** The registry's DNS answers for gateway hostnames: previews and readiness plan with them, never with DNS of their own. */
  gatewayHostnames?: () => Promise<HostnameAnswers | undefined>;
  /** Kubeconfig contexts EASTWEST_CONTEXTS leaves out: naming one is a 404 that says it is excluded. */
  excludedClusters?: () => readonly string[];
  /** Coalesces identical concurrent applies; share one per process (see in-flight.ts). */
  inFlight: InFlight;
};
