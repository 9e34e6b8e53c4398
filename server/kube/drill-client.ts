// Everything the drill runner and the drill service do to one cluster, through the one writer (object-writer.ts,
// under the drill runner's field manager) and drill-http.ts for subresources: made per cluster handle, so it
// follows a kubeconfig that changes while the console runs.
import { DRILL_FIELD_MANAGER } from "@/lib/drills/schema";
import { drillHttp } from "./drill-http";
import { drillObjectOps, type DrillObjectOps } from "./drill-objects";
import { drillProbeOps, type DrillProbeOps } from "./drill-probe";
import { drillWorkloadOps, type DrillWorkloadOps } from "./drill-workloads";
import type { ClusterHandle } from "./kubeconfig";
import { createObjectWriter } from "./object-writer";

export type DrillClient = { cluster: string; drills: DrillObjectOps; workloads: DrillWorkloadOps; probe: DrillProbeOps };

/** Undefined for a context the kubeconfig cannot use. */
export function createDrillClient(handle: ClusterHandle, options: { timeoutMs: number }): DrillClient | undefined {
  const kc = handle.kubeConfig;
  const writer = createObjectWriter(handle, { fieldManager: DRILL_FIELD_MANAGER, timeoutMs: options.timeoutMs });
  if (!kc || !writer) return undefined;
  const http = drillHttp(handle.name, kc, options.timeoutMs);
  return { cluster: handle.name, drills: drillObjectOps(writer, http), workloads: drillWorkloadOps(http), probe: drillProbeOps(http) };
}
