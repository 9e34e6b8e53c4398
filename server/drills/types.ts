// The drill service: what the tRPC router and the pages read and ask of the drill runner (issue 13). The runner
// (server/drills/*) implements it; the router (server/routers/drills.ts) is a thin layer over it.
import type { DrillFault, DrillPhase, DrillSpec, DrillStatus, DrillVerdict, StopCondition } from "@/lib/drills/schema";
import type { Actor } from "@/server/auth/identity";
import type { AuditSink } from "@/server/audit/types";

/** A drill is named by where it lives: the drilled cluster and the Service's namespace. */
export type DrillRef = { cluster: string; namespace: string; name: string };

export type DrillSummary = {
  ref: DrillRef;
  service: string;
  fault: DrillFault;
  /** "Pending" until the runner has seen it. */
  phase: DrillPhase;
  running: boolean;
  verdict?: DrillVerdict;
  reason?: string;
  createdAt?: string;
  startedAt?: string;
  finishedAt?: string;
  timeToShiftSeconds?: number;
  failedRequests?: number;
  timeToRestoreSeconds?: number;
};

export type DrillDetail = DrillSummary & { spec: DrillSpec; status: DrillStatus };

export type DrillFilter = { cluster?: string; namespace?: string; service?: string; phase?: DrillPhase; verdict?: DrillVerdict };

export type DrillList = {
  drills: DrillSummary[];
  /** Clusters whose drills cannot be read now (unreachable, not synced): their drills are missing, not absent. */
  stale: string[];
};

export type DrillInput = {
  cluster: string;
  namespace: string;
  service: string;
  fault: DrillFault;
  /** Go duration ("90s", "2m"); at most MAX_DRILL_DURATION_SECONDS. */
  maxDuration: string;
  stopCondition?: StopCondition;
};

/** Why a drill cannot be started (or aborted). `field` names the input field at fault, when one is. */
export type DrillRefusal = {
  code:
    | "unknown-cluster"
    | "stale-cluster"
    | "unknown-service"
    | "no-local-workload"
    | "not-opted-in"
    | "already-running"
    | "duration-too-long"
    | "fault-unsupported"
    | "crd-missing"
    | "no-failover-target"
    | "not-found"
    | "finished"
    | "forbidden";
  field?: keyof DrillInput;
  message: string;
};

export type DrillCheck = { name: string; ok: boolean; message: string };

/** What a drill will do, shown in the confirmation before it starts. */
export type DrillPlan =
  | {
      ok: true;
      /** "missing-will-install": the console will apply deploy/crds/failoverdrills.eastwest.dev.yaml first. */
      crd: "installed" | "missing-will-install";
      /** What the fault changes, e.g. details-v1 from 1 replica to 0. */
      deployments: { name: string; replicas: number }[];
      pods: string[];
      maxDurationSeconds: number;
      /** Where traffic is expected to go during the fault: the remote clusters and their gateways. */
      remotes: { cluster: string; gateway: string; ready: boolean }[];
      /** One plain sentence: what traffic will do. */
      traffic: string;
      checks: DrillCheck[];
    }
  | { ok: false; refusal: DrillRefusal };

export type DrillStart = { ok: true; ref: DrillRef } | { ok: false; refusal: DrillRefusal };
export type DrillAbort = { ok: true } | { ok: false; refusal: DrillRefusal };

/**
 * Who starts or aborts a drill (the router passes ctx.actor and ctx.audit): the drill object is written as that
 * person (impersonation: the cluster's RBAC decides) and the write recorded in `audit`. Absent: mode none, the
 * console's own credentials, nothing recorded.
 */
export type DrillCaller = { actor?: Actor; audit?: AuditSink };

export type DrillService = {
  list(filter: DrillFilter): DrillList;
  get(ref: DrillRef): DrillDetail | undefined;
  plan(input: DrillInput, caller?: DrillCaller): Promise<DrillPlan>;
  start(input: DrillInput, caller?: DrillCaller): Promise<DrillStart>;
  abort(ref: DrillRef, caller?: DrillCaller): Promise<DrillAbort>;
  /** Rises whenever any drill changes (for the router's onChange subscription). */
  version(): number;
  onChange(listener: (version: number) => void): () => void;
};
