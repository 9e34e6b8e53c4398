// The contract between the drill's pure phase machine (lib/drills/machine.ts) and the runner that executes it
// (server/drills). The runner observes the world, the machine decides; the runner carries out the actions in
// order and writes the status. Level-triggered: the machine decides from what is observed now and what the
// drill's status records, never from remembered events, so a restarted console (or another replica) resumes.
import type { DrillStatus, FailoverDrill } from "./schema";

/** One probe request, parsed from a line of the probe Pod's log (lab: lab/dataplane/probe-log.ts format). */
export type ProbeSample = {
  /** Epoch ms when the request finished. */
  at: number;
  ok: boolean;
  status?: number;
  latencyMs?: number;
  /** The cluster whose instance answered (x-served-by-cluster), when one did. */
  servedByCluster?: string;
  /** The pod that answered (x-served-by-pod), when one did. */
  servedByPod?: string;
  /** What the caller saw when the request failed (curl's error, or the first line of a 4xx/5xx body). */
  error?: string;
};

export type DrillWorld = {
  /** Epoch ms. */
  now: number;
  /** The drilled cluster's name. */
  cluster: string;
  drill: FailoverDrill;
  /** False when the drilled cluster cannot be reached now: the machine then only waits (and says so). */
  reachable: boolean;
  namespaceOptedIn: boolean;
  /** The Service exists in the drill's namespace of the drilled cluster. */
  serviceExists: boolean;
  /** The local Deployments whose pods the Service selects. */
  deployments: { name: string; uid: string; replicas: number; readyReplicas: number }[];
  /** The local pods the Service selects (for FailRequests). `faulted`: carries the fault annotation now. */
  pods: { name: string; uid: string; ready: boolean; faulted: boolean }[];
  /** Whether this cluster can inject FailRequests (lab: its Nodes say so). */
  failRequestsSupported: boolean;
  /** From the fleet model's failover state of the service in this cluster. */
  failover: {
    targetExists: boolean;
    remoteReady: boolean;
    gatewaysReady: boolean;
    outlierDetection: boolean;
    /** The covering DestinationRule's maxEjectionPercent (undefined: not written, Istio's default 10 applies). */
    maxEjectionPercent?: number;
    /** The remote hosts callers here balance over besides the local pods: the service's shadow WorkloadEntries. */
    remoteHosts?: number;
    reason?: string;
  };
  /** Other drills on the same service in this cluster that are not in a final phase. */
  otherRunning: string[];
  probe: { exists: boolean; ready: boolean; samples: ProbeSample[] };
};

export type DrillAction =
  | { type: "create-probe"; name: string }
  | { type: "delete-probe"; name: string }
  | { type: "scale"; deployment: string; replicas: number }
  | { type: "fault-pod"; pod: string; on: boolean };

/**
 * One decision. The runner writes `status` FIRST (when it differs from what is stored) and only then carries out
 * `actions`: so the undo record is in the cluster before any fault is injected, and a crash between the two
 * leaves a status from which the next step redoes or undoes the actions.
 */
export type DrillStep = { status: DrillStatus; actions: DrillAction[]; /** Ask to be called again after this many ms (a timer, not a sleep). */ recheckAfterMs?: number };

export type DrillMachine = (world: DrillWorld) => DrillStep;
