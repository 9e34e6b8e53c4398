// Everything the drill runner and the drill service do to one cluster, through the one writer (object-writer.ts,
// under the drill runner's field manager) and drill-http.ts for subresources: made per cluster handle, so it
// follows a kubeconfig that changes while the console runs. Made for a person (`actor` with an identity: the
// service's start and abort), its writes act as them (impersonation.ts); the runner's own work carries no actor
// and uses the console's credentials (deploy/rbac says which).
import { DRILL_FIELD_MANAGER } from "@/lib/drills/schema";
import type { Actor } from "@/server/auth/identity";
import { drillHttp, type DrillHttp } from "./drill-http";
import { drillObjectOps, type DrillObjectOps } from "./drill-objects";
import { drillProbeOps, type DrillProbeOps } from "./drill-probe";
import { drillWorkloadOps, type DrillWorkloadOps } from "./drill-workloads";
import { impersonationOf, impersonationProblem } from "./impersonation";
import type { ClusterHandle } from "./kubeconfig";
import { createObjectWriter } from "./object-writer";

export type DrillClient = { cluster: string; drills: DrillObjectOps; workloads: DrillWorkloadOps; probe: DrillProbeOps };

export type DrillClientOptions = { timeoutMs: number; actor?: Actor; impersonateReads?: boolean };

/** Undefined for a context the kubeconfig cannot use. */
export function createDrillClient(handle: ClusterHandle, options: DrillClientOptions): DrillClient | undefined {
  const kc = handle.kubeConfig;
  const who = impersonationOf(options.actor);
  const impersonateReads = options.impersonateReads === true;
  const writer = createObjectWriter(handle, { fieldManager: DRILL_FIELD_MANAGER, timeoutMs: options.timeoutMs, ...(who ? { impersonate: who, impersonateReads } : {}) });
  if (!kc || !writer) return undefined;
  // An identity that cannot be impersonated: the writer refuses every call (403, saying why); so do subresource calls.
  const problem = who && impersonationProblem(who);
  const http = problem ? refusingHttp(handle.name, problem) : drillHttp(handle.name, kc, options.timeoutMs, who ? { who, impersonateReads } : undefined);
  return { cluster: handle.name, drills: drillObjectOps(writer, http), workloads: drillWorkloadOps(http), probe: drillProbeOps(http) };
}

function refusingHttp(cluster: string, message: string): DrillHttp {
  const no = async () => ({ ok: false as const, kind: "rejected" as const, status: 403, message });
  return { cluster, json: no, text: no };
}
