// The contract between the workspace routers (server/workspaces, server/routers/workspace.ts) and the workspace
// pages (app/workspaces, components/workspace): what each query returns and each mutation takes. Types and zod
// input schemas only, so both sides compile against the same shapes. Everything here is safe for the browser:
// no credentials, no Secret data.
//
// Procedures (router `workspace`, server/routers/workspace.ts):
//   list                query    ()                      → WorkspaceSummary[]
//   detail              query    {workspace}             → WorkspaceDetail         (NOT_FOUND, field "workspace")
//   failover            query    FailoverPageInput       → FailoverPage            (one page of the failover table)
//   gatewayPreview      mutation GatewayDeployInput      → GatewayPreview          (server-side dry-run per cluster)
//   gatewayApply        mutation GatewayDeployInput      → GatewayApplyResult      (SSA, field manager eastwest-console)
//   gatewayRemovePreview mutation GatewayRemoveInput     → GatewayRemovePreview
//   gatewayRemove       mutation GatewayRemoveInput      → WriteResult             (only what the console created)
//   exposurePreview     mutation ExposureInput           → ExposurePreview         (diff vs live + dry-run + planner)
//   exposureApply       mutation ExposureApplyInput      → ExposureApplyResult
// Previews are mutations because each one makes a server-side dry-run request; none of them persists anything.
import { z } from "zod";
import type { DrillPhase } from "@/lib/drills/schema";
import type { FieldChange } from "@/lib/manifests/field-changes";
import type { FieldConflict } from "@/lib/manifests/conflicts";
import type { ExposeAllBlock } from "@/lib/manifests/expose-all";
import type { AtRiskReason, FailoverKind } from "@/lib/failover/types";
import type { HaChecklist } from "@/lib/readiness/ha-checklist";
import type { ClusterPropagation } from "@/lib/registry/propagation";
import type { FieldError } from "@/lib/validation/field-error";
import { grouped } from "@/lib/validation/bounded-text";
import { MAX_CLUSTERS, MAX_NAME_LENGTH, MAX_SERVICES } from "@/lib/validation/limits";

// ---------- inputs (validated again, against the fleet, by the lib/ builders on the server) ----------

// Every string and list is bounded (lib/validation/limits.ts) so a request's cost is known before any work;
// the checks of content (DNS labels, known clusters, FQDNs of the workspace) come after, on the server.
const name = (what: string) =>
  z.string({ error: `${what} must be a string` }).max(MAX_NAME_LENGTH, { error: `${what} is longer than ${MAX_NAME_LENGTH} characters` });

export const workspaceRefSchema = z.object({ workspace: name("workspace").min(1, { error: "workspace is required" }) });

/** Rows of the failover table one request may ask for: a page the browser renders at once. */
export const MAX_FAILOVER_PAGE = 100;
/** Far beyond any workspace (MAX_SERVICES services): bounds the offset, not the table. */
const MAX_FAILOVER_OFFSET = 1_000_000;
const FAILOVER_KIND_VALUES = ["serving-locally", "failed-over", "at-risk", "remote-only", "unavailable", "unknown"] as const satisfies readonly FailoverKind[];

/** One page of the failover table: services matching `search` (in the FQDN) and, if given, with a cell in state `kind`. */
export const failoverPageInputSchema = workspaceRefSchema.extend({
  offset: z.number({ error: "offset must be a number" }).int({ error: "offset must be a whole number" }).min(0, { error: "offset must be 0 or more" }).max(MAX_FAILOVER_OFFSET, { error: `offset is larger than ${grouped(MAX_FAILOVER_OFFSET)}` }).default(0),
  limit: z.number({ error: "limit must be a number" }).int({ error: "limit must be a whole number" }).min(1, { error: "limit must be at least 1" }).max(MAX_FAILOVER_PAGE, { error: `limit must be at most ${MAX_FAILOVER_PAGE}` }).default(25),
  search: name("search").optional(),
  kind: z.enum(FAILOVER_KIND_VALUES, { error: `kind must be one of ${FAILOVER_KIND_VALUES.join(", ")}` }).optional(),
});
export type FailoverPageInput = z.input<typeof failoverPageInputSchema>;

export const exposureSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("all") }),
  z.object({
    mode: z.literal("selected"),
    services: z.array(name("service FQDN")).max(MAX_SERVICES, { error: `at most ${grouped(MAX_SERVICES)} services per request; expose all instead, or split the change` }),
  }),
]);
export type Exposure = z.infer<typeof exposureSchema>;

/** Deploy (preview or apply) one IngressGateway to several clusters. Empty name/namespace → the defaults. */
export const gatewayDeployInputSchema = workspaceRefSchema.extend({
  name: name("gateway name").optional(),
  namespace: name("namespace").optional(),
  clusters: z.array(name("cluster name")).max(MAX_CLUSTERS, { error: `at most ${MAX_CLUSTERS} clusters per request` }),
});
export type GatewayDeployInput = z.infer<typeof gatewayDeployInputSchema>;

/** Remove (preview or apply) one IngressGateway the console created, from one cluster. */
export const gatewayRemoveInputSchema = workspaceRefSchema.extend({ cluster: name("cluster name"), namespace: name("namespace"), name: name("gateway name") });
export type GatewayRemoveInput = z.infer<typeof gatewayRemoveInputSchema>;

export const exposureInputSchema = workspaceRefSchema.extend({ exposure: exposureSchema });
export type ExposureInput = z.infer<typeof exposureInputSchema>;

/** `force`: take over fields another field manager owns (server-side apply force=true). A separate, explicit choice. */
export const exposureApplyInputSchema = exposureInputSchema.extend({ force: z.boolean().default(false) });
export type ExposureApplyInput = z.input<typeof exposureApplyInputSchema>;

// ---------- bad input ----------
// Every error answers one shape: `error.message` (a sentence) and `error.data.fieldErrors: FieldError[]`, one
// per field, `field` being the dotted input path ("clusters.1", "namespace", "exposure.services.0", "name",
// "workspace", "cluster"), at most 20 plus one entry counting the rest. Input that fails validation answers
// BAD_REQUEST (400); a name that matches nothing NOT_FOUND (404) naming its field; a live object the console
// will not edit (e.g. nested too deep) UNPROCESSABLE_CONTENT (422). None of them writes anything.
export type { FieldError };

// ---------- workspace list (overview) ----------

export type WorkspaceSummary = {
  name: string;
  /** Namespace holding the Workspace object on the management cluster. */
  namespace?: string;
  clusters: string[];
  namespaces: string[];
  exposure: Exposure;
  /** Services the planner exposes (never the raw length of the exposedServices list). */
  exposedCount: number;
  /** Entries of exposedServices that name no service of the workspace. */
  unnamedExposedEntries: number;
  /** Clusters never synced since the console started: their namespaces, gateways and services are unknown. */
  unsyncedClusters: string[];
  /** Clusters of the workspace with a ready east-west gateway (pods ready, address published, 15443). */
  gatewaysReady: number;
  ready: boolean;
  failingChecks: number;
};

// ---------- workspace detail ----------

/**
 * `everSynced: false`: the console has not listed the cluster completely since it started (cut off before a
 * restart, or still on its first list). Its namespaces and gateways are then unknown, not absent: the page says
 * so and offers nothing to do there. `watchingSince`: when this console process started watching it.
 */
export type ClusterFreshness = { state: "synced" | "syncing" | "stale"; everSynced: boolean; watchingSince?: string; staleSince?: string; reason?: string };

export type GatewayPhase = "ready" | "progressing" | "problem";

/** One east-west IngressGateway in one cluster, as the installer made it (Deployment + Service named after it). */
export type GatewayState = {
  cluster: string;
  name: string;
  namespace: string;
  /** ISO creationTimestamp of the IngressGateway. */
  createdAt?: string;
  /**
   * Carries app.kubernetes.io/managed-by=eastwest-console: a claim, not a proof (anyone can copy a label). Removal
   * proves the rest against the live object (field manager, name/namespace, eastWestOnly) before deleting.
   */
  managedByConsole: boolean;
  pods: { ready: number; total: number; crashLooping: number };
  service?: { type: string; addresses: string[]; has15443: boolean };
  phase: GatewayPhase;
  /** Plain sentences ("no external address published yet", "port 15443 missing", "2 pods crash-looping"). */
  problems: string[];
};

export type WorkspaceCluster = {
  name: string;
  management: boolean;
  freshness: ClusterFreshness;
  /** The workspace's namespaces that exist in this cluster. */
  namespaces: string[];
  gateways: GatewayState[];
};

export type ServicePort = { name?: string; port: number; protocol: string };

export type WorkspaceService = {
  fqdn: string;
  namespace: string;
  name: string;
  /** Clusters that run it, sorted. */
  clusters: string[];
  /**
   * Its ports in any of those clusters, each once (sorted by port): a per-cluster list repeated the same ports for
   * every cluster, and at 20 clusters × 500 services was most of the detail's bytes.
   */
  ports: ServicePort[];
  /** Exposed under the current (live) setting. */
  exposed: boolean;
};

/**
 * One service in one cluster, as lib/failover's failoverStates judged it (the words are lib/failover/words.ts's, the
 * same on every page). `targets`: where traffic goes (Failed over) or would go (Serving locally), nearest first.
 */
export type FailoverCell = {
  cluster: string;
  fqdn: string;
  namespace: string;
  kind: FailoverKind;
  /** The state's words: "Serving locally", "Failed over", "At risk", "Remote only", "Unavailable", "Unknown". */
  words: string;
  /** At risk only: why (lib/failover AT_RISK_WORDS, e.g. "no gateway"). */
  reason?: AtRiskReason;
  reasonWords?: string;
  targets: Array<{ cluster: string; gateway: string }>;
  /** One sentence starting with the words (failoverSentence). */
  sentence: string;
};

/** The failover table's totals. `version` changes whenever any cell does: the page refetches its rows then. */
export type FailoverSummary = { version: number; services: number; cells: number; byKind: Record<FailoverKind, number> };

/** One service's row of the failover table: a cell per cluster that runs or consumes it. */
export type FailoverRowView = { fqdn: string; name: string; namespace: string; cells: FailoverCell[] };

/** One page of the failover table; `total`: the services matching the filter; `clusters`: the columns. */
export type FailoverPage = { version: number; total: number; offset: number; limit: number; clusters: string[]; rows: FailoverRowView[] };

export type WorkspaceDetail = {
  name: string;
  namespace?: string;
  namespaceSelector: string[];
  /** The WorkspaceSetting API the management cluster serves (chosen by discovery). */
  settingsForm: "seed" | "tsb";
  /** The live WorkspaceSetting, if any. */
  setting?: { name: string; namespace: string; workloadSelector: Record<string, string> };
  exposure: Exposure;
  /** Default namespace for a new gateway. */
  defaultGatewayNamespace?: string;
  managementCluster: string | null;
  clusters: WorkspaceCluster[];
  services: WorkspaceService[];
  readiness: HaChecklist;
  /**
   * How many services and cells of the failover table are in each state; the table itself is paged
   * (workspace.failover), so a 500-service, 20-cluster workspace is not 10,000 cells in every detail.
   */
  failover: FailoverSummary;
  /** Registry propagation of each exposed service (absent when the registry is not running). */
  propagation?: Array<{ fqdn: string; clusters: ClusterPropagation[] }>;
  /**
   * Registry conditions that concern this workspace, as sentences. `reason`: the planner's or registry's reason
   * (e.g. "ForeignObject": an object named like ours that the console did not make).
   */
  conditions: Array<{ severity: "error" | "warning" | "info"; message: string; reason?: string }>;
  /** Failover drills not yet finished in the workspace's namespaces (server/workspaces/workspace-drills.ts). */
  runningDrills?: Array<{ cluster: string; namespace: string; name: string; service: string; phase: DrillPhase }>;
};

// ---------- previews and results ----------

/** What would be written, for GitOps users: the manifest and the equivalent kubectl command. */
export type WhatItWouldDo = { yaml: string; kubectl: string };

export type DryRun =
  | { ok: true }
  | { ok: false; kind: "conflict"; conflicts: FieldConflict[]; message: string }
  | { ok: false; kind: "rejected" | "unreachable"; message: string };

export type ObjectDiff =
  | { kind: "no-changes" }
  | { kind: "create" | "update"; unified: string; changes: FieldChange[] };

export type GatewayPreview = WhatItWouldDo & {
  name: string;
  namespace: string;
  warnings: FieldError[];
  clusters: Array<{ cluster: string; diff: ObjectDiff; dryRun: DryRun }>;
  /** The registry's objects per cluster once the gateway serves the workspace (same planner as the expose preview). */
  consequences: ClusterConsequence[];
  reachability: ServiceReachability[];
  conditions: Array<{ severity: "error" | "warning" | "info"; message: string }>;
  /**
   * Clusters where the gateway does not exist yet: its addresses are unknown until the installer's LoadBalancer
   * publishes them, so their WorkloadEntries are named for the first address (one more per further address).
   */
  awaitingAddresses: string[];
  /** The plain sentence when the workspace exposes every service by default (no exposedServices list). */
  exposeAll?: string;
};

export type WriteResult =
  | { cluster: string; ok: true }
  | { cluster: string; ok: false; kind: "conflict" | "rejected" | "unreachable"; message: string; conflicts?: FieldConflict[] };

export type GatewayApplyResult = { results: WriteResult[] };

/**
 * `yaml`: the LIVE object that would be deleted, as the cluster returned it (minus managedFields), never a
 * template. `removable: false` with `refusal`: the console cannot prove it made this gateway (or could not read
 * it), says what is missing, and deletes nothing; `kubectl` is then empty.
 */
export type GatewayRemovePreview = WhatItWouldDo & {
  /** What stops working, in plain sentences (e.g. "details.bookinfo.svc.cluster.local in west loses its east instance"), gravest first. */
  consequences: string[];
  /** Sentences left out of `consequences` (it lists at most MAX_LISTED_CONSEQUENCES). */
  moreConsequences?: number;
  removable: boolean;
  refusal?: string;
};

/**
 * One kind's consequences in one cluster (`namespace/name`s). `blocked`: planned after the change, but an object
 * the console cannot prove it made holds the name there; the registry leaves it alone, so nothing is written.
 */
/**
 * Names added, removed and blocked in one cluster, of one kind. A preview's answer lists at most
 * MAX_LISTED_CONSEQUENCES of each (a gateway for 500 services is ~10,000 WorkloadEntries per cluster); `more` counts
 * those left out (lib/workspace-view/consequence-cap.ts).
 */
export type KindConsequence = { added: string[]; removed: string[]; unchanged: number; blocked: string[]; more?: { added: number; removed: number; blocked: number } };

/** One cluster's registry consequences of a setting change (same pure planner as the registry). */
export type ClusterConsequence = { cluster: string; serviceEntries: KindConsequence; workloadEntries: KindConsequence };

/**
 * One service whose reachability the change moves, by cluster (a cluster reaches a remote service through the
 * ServiceEntry the registry generates there): `gained`/`lost` clusters, those that keep it, and those where a
 * foreign object holds the planned name (`blocked`: nothing will be written there). `failoverGained`/`failoverLost`:
 * clusters running the service whose local instance gains its first, or loses its last, remote instance to fail
 * over to (shadow WorkloadEntries).
 */
export type ServiceReachability = {
  fqdn: string;
  gained: string[];
  lost: string[];
  kept: string[];
  blocked: string[];
  failoverGained: string[];
  failoverLost: string[];
};

export type ExposurePreview = WhatItWouldDo & {
  target: { name: string; namespace: string; cluster: string; exists: boolean };
  diff: ObjectDiff;
  dryRun: DryRun;
  /** "Expose all" cannot take effect while another manager owns exposedServices (seed form). */
  exposeAllBlock?: ExposeAllBlock;
  consequences: ClusterConsequence[];
  /** The same consequences per service (only services the change moves), for the plain summary. */
  reachability: ServiceReachability[];
  /** Planner conditions the change would raise (e.g. a service with no gateway to reach it). */
  conditions: Array<{ severity: "error" | "warning" | "info"; message: string }>;
};

export type ExposureApplyResult = WriteResult;
