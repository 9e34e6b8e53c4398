// What the inspect functions need: the fleet model (every lookup reads its current state) and, when the registry
// runs, its status (the propagation of each service: expected versus actual as the registry proves it).
import type { WorkspaceDeps } from "@/server/workspaces/deps";

export type InspectDeps = Pick<WorkspaceDeps, "model" | "registryStatus">;
