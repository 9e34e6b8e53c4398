// The FailoverDrill object (deploy/crds/failoverdrills.eastwest.dev.yaml), as the console reads and writes it.
// The CRD's structural schema is the cluster's contract; these zod schemas are the console's boundary: anything
// read from a cluster is parsed with them, so a drill written by hand with `kubectl apply` is read the same way.
import { z } from "zod";

export const DRILL_GROUP = "eastwest.dev";
export const DRILL_VERSION = "v1alpha1";
export const DRILL_API_VERSION = `${DRILL_GROUP}/${DRILL_VERSION}`;
export const DRILL_KIND = "FailoverDrill";
export const DRILL_PLURAL = "failoverdrills";
export const DRILL_CRD_NAME = `${DRILL_PLURAL}.${DRILL_GROUP}`;
/** The namespace annotation that opts a namespace in to drills (value "enabled"). */
export const DRILL_OPT_IN_ANNOTATION = "eastwest.dev/drills";
/**
 * FailRequests where the cluster can inject it: a pod carrying this annotation (value "fail-requests") answers every
 * request with 503, as a failing instance would, until the annotation is removed. The lab's data plane honours it;
 * a cluster says it does with this label on its Nodes (value "pod-annotation").
 */
export const DRILL_FAULT_ANNOTATION = "eastwest.dev/fault";
export const DRILL_FAULT_VALUE = "fail-requests";
export const FAULT_INJECTION_NODE_LABEL = "eastwest.dev/fault-injection";
export const FAULT_INJECTION_NODE_VALUE = "pod-annotation";
/** The field manager of the runner's writes (status, scale, probe pod, fault annotation). */
export const DRILL_FIELD_MANAGER = "eastwest-drill-runner";
/** The longest maxDuration the console accepts (a drill is a short experiment, not an outage). */
export const MAX_DRILL_DURATION_SECONDS = 15 * 60;
export const DEFAULT_DRILL_DURATION = "2m";

export const DRILL_PHASES = ["Pending", "Prechecking", "Baseline", "Injecting", "Observing", "Restoring", "Succeeded", "Failed", "Aborted"] as const;
export type DrillPhase = (typeof DRILL_PHASES)[number];
/** Phases after which the runner does nothing more. */
export const FINAL_PHASES: readonly DrillPhase[] = ["Succeeded", "Failed", "Aborted"];

export const DRILL_FAULTS = ["ScaleToZero", "FailRequests"] as const;
export type DrillFault = (typeof DRILL_FAULTS)[number];

export const drillVerdictSchema = z.enum(["Passed", "Failed", "Aborted"]);
export type DrillVerdict = z.infer<typeof drillVerdictSchema>;

export const stopConditionSchema = z.object({
  errorRateAbove: z.number().min(0).max(1).default(0.5),
  forSeconds: z.number().int().min(1).max(600).default(10),
});
export type StopCondition = z.infer<typeof stopConditionSchema>;

export const drillSpecSchema = z.object({
  service: z.string().min(1).max(63),
  fault: z.enum(DRILL_FAULTS).default("ScaleToZero"),
  maxDuration: z.string().default(DEFAULT_DRILL_DURATION),
  stopCondition: stopConditionSchema.default({ errorRateAbove: 0.5, forSeconds: 10 }),
  abort: z.boolean().default(false),
});
export type DrillSpec = z.infer<typeof drillSpecSchema>;

const servedBySchema = z.record(z.string(), z.number());
export type ServedByCounts = z.infer<typeof servedBySchema>;

export const drillConditionSchema = z.object({
  type: z.string(),
  status: z.enum(["True", "False", "Unknown"]),
  reason: z.string().optional(),
  message: z.string().optional(),
  lastTransitionTime: z.string().optional(),
});
export type DrillCondition = z.infer<typeof drillConditionSchema>;

export const drillUndoSchema = z.object({
  recordedAt: z.string().optional(),
  deployments: z.array(z.object({ name: z.string(), replicas: z.number().int().min(0), uid: z.string().optional() })).default([]),
  pods: z.array(z.object({ name: z.string(), uid: z.string().optional() })).default([]),
  probePod: z.string().optional(),
  restored: z.boolean().optional(),
});
export type DrillUndo = z.infer<typeof drillUndoSchema>;

export const drillStatusSchema = z.object({
  phase: z.enum(DRILL_PHASES).optional(),
  observedGeneration: z.number().int().optional(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  deadline: z.string().optional(),
  conditions: z.array(drillConditionSchema).default([]),
  timeline: z.array(z.object({ phase: z.string(), at: z.string(), message: z.string().optional() })).default([]),
  undo: drillUndoSchema.optional(),
  baseline: z.object({
    requests: z.number().int().optional(),
    successRate: z.number().optional(),
    p50LatencyMs: z.number().optional(),
    p95LatencyMs: z.number().optional(),
  }).optional(),
  servedBy: z.object({ before: servedBySchema.optional(), during: servedBySchema.optional(), after: servedBySchema.optional() }).optional(),
  prometheusServedBy: z.object({ before: servedBySchema.optional(), during: servedBySchema.optional(), after: servedBySchema.optional() }).optional(),
  timeToShiftSeconds: z.number().optional(),
  failedRequests: z.number().int().optional(),
  timeToRestoreSeconds: z.number().optional(),
  verdict: drillVerdictSchema.optional(),
  reason: z.string().optional(),
});
export type DrillStatus = z.infer<typeof drillStatusSchema>;

export const failoverDrillSchema = z.object({
  apiVersion: z.literal(DRILL_API_VERSION),
  kind: z.literal(DRILL_KIND),
  metadata: z.object({
    name: z.string(),
    namespace: z.string(),
    uid: z.string().optional(),
    resourceVersion: z.string().optional(),
    generation: z.number().int().optional(),
    creationTimestamp: z.string().optional(),
    labels: z.record(z.string(), z.string()).optional(),
    annotations: z.record(z.string(), z.string()).optional(),
  }),
  spec: drillSpecSchema,
  status: drillStatusSchema.optional(),
});
/** A drill as read from one cluster (the cluster is not in the object: carry it beside it). */
export type FailoverDrill = z.infer<typeof failoverDrillSchema>;
