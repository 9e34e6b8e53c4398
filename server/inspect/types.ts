// What router `inspect` answers (lib/topology/types.ts names the procedures and their input schemas): the side
// panel's details of one node, and the impact of imagining one part failed. The browser reads these shapes through
// the router's inferred output types.
import type { FailoverKind } from "@/lib/failover/types";
import type { ClusterPropagation } from "@/lib/registry/propagation";
import type { NodeKind } from "@/lib/topology/types";
import type { WhatIfRemoval } from "./removal";

/** One `status.conditions` entry. */
export type ObjectCondition = { type: string; status: string; reason?: string; message?: string; since?: string };

export type ShownObject = {
  cluster: string;
  kind: string;
  namespace?: string;
  name: string;
  /** What it is to the node ("the Service", "a Deployment the Service selects", "shadow WorkloadEntry", …). */
  role: string;
  /** Live, from the fleet cache: managedFields dropped, never a Secret's data. */
  yaml: string;
  conditions: ObjectCondition[];
  /** Carries the console's managed-by label and the registry's field manager. */
  generated: boolean;
  /** Whether inspect.events can read its Events (a namespaced kind the panel shows). */
  events: boolean;
};

/** A planned (expected) object of the registry for this service in this cluster, and what the cluster holds. */
export type ExpectedObject = { kind: string; namespace: string; name: string; observed: "present" | "missing" };

export type RegistryView =
  | { kind: "none"; why: string }
  | {
      kind: "service";
      fqdn: string;
      cluster: string;
      /** The registry's propagation of the service into this cluster (absent: the registry does not run here). */
      propagation?: ClusterPropagation;
      /** The objects the current plan puts in this cluster for the service, each present or missing there. */
      expected: ExpectedObject[];
      /** Objects the cluster holds for the service under the console's marks that the plan no longer wants. */
      unplanned: Array<{ kind: string; namespace: string; name: string }>;
      /** False while the planner is still planning a newer fleet state (the plan shown is the previous one). */
      planCurrent: boolean;
    };

/** "Test from another cluster": the command to copy, what it proves. */
export type TestFrom = { cluster: string; command: string; explains: string };

export type NodeFact = { label: string; value: string };

export type NodeDetails = {
  id: string;
  kind: NodeKind;
  cluster: string;
  title: string;
  /** The failover state of a service or service-entry node (the same words as every page). */
  state?: { kind: FailoverKind; words: string; reasonWords?: string; sentence: string };
  /** The worst state of a group (cluster, namespace) and its counts. */
  counts?: Partial<Record<FailoverKind, number>>;
  facts: NodeFact[];
  objects: ShownObject[];
  registry: RegistryView;
  tests: TestFrom[];
  /** Why no test is offered (a cluster, a namespace, a stale cluster). */
  testsNote?: string;
  /** Workspaces the node belongs to (links to their pages). */
  workspaces: string[];
  /** The "what if this failed" removal matching the node, when there is one. */
  whatIf?: WhatIfRemoval;
  /** RFC 3339: the fleet state it was read from. */
  computedAt: string;
};

export type WhatIfService = {
  fqdn: string;
  namespace: string;
  before: { kind: FailoverKind; words: string; sentence: string };
  after: { kind: FailoverKind; words: string; reasonWords?: string; sentence: string };
  /** Where its traffic would go after (cluster and gateway, nearest first). */
  targets: Array<{ cluster: string; gateway: string }>;
  unavailable: boolean;
};

export type WhatIfResult = {
  removal: WhatIfRemoval;
  /** "west", "east's gateway istio-system/eastwest-gateway", "details in west". */
  removalWords: string;
  /**
   * Changes grouped by the cluster whose clients see them, clusters in name order; per cluster the first
   * MAX_SHOWN_PER_CLUSTER services (those becoming Unavailable first), `total` and `unavailable` counting all.
   */
  clusters: Array<{ cluster: string; services: WhatIfService[]; total: number; unavailable: number }>;
  /** How many changes, and how many become Unavailable. */
  changed: number;
  unavailable: number;
  computedAt: string;
};

