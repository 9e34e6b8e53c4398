// Shapes shared by the registry's pure parts: what the controller observed in a cluster (generated-looking
// objects, ours or not), the actions it decides on, and the conditions it raises besides the planner's.
import type { DesiredKind, DesiredObject } from "@/lib/plan/desired";

export const REGISTRY_KINDS: readonly DesiredKind[] = ["DestinationRule", "Gateway", "ServiceEntry", "WorkloadEntry"];

/** One live object of a kind the planner generates, reduced to what the diff and the report need. */
export type ObservedObject = {
  kind: DesiredKind;
  namespace: string;
  name: string;
  /** uid + resourceVersion: the delete precondition, so a recreated object of someone else is never deleted. */
  uid: string;
  resourceVersion: string;
  /** RFC 3339; the "since" of propagation. */
  creationTimestamp?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  spec: unknown;
  /** metadata.managedFields as `manager/operation` entries: the field-manager part of the ownership proof. */
  managers: readonly string[];
};

/** A cluster's observed objects as consecutive lists; unchanged lists are the same arrays from one view to the next. */
export type ObservedParts = ReadonlyArray<readonly ObservedObject[]>;

/**
 * A cluster as last observed. `stale`: unreachable or not synced — its objects are the last known ones (or none
 * after a restart), so the registry neither writes nor deletes there, nor drops anything generated from it.
 */
export type ObservedCluster = {
  name: string;
  stale: boolean;
  /** Every observed object (from the fleet cache: `parts` joined, made when first read). */
  readonly objects: ObservedObject[];
  /** `objects` in the parts they were made of (observed-from-snapshot.ts); absent: one part. */
  parts?: ObservedParts;
  /** Kinds the snapshot does not carry for this cluster (not watched): their absence proves nothing. */
  unobservedKinds?: DesiredKind[];
};

export type RegistryMode = "standalone" | "observe";

export type RegistryAction = {
  cluster: string;
  kind: DesiredKind;
  namespace: string;
  name: string;
  action: "apply" | "delete";
  /** Why, in a sentence (shown in the UI and logs). */
  reason: string;
  /** The object to apply (apply only). */
  object?: DesiredObject;
  /** Applied without being able to see the live object (its kind is not observed): apply once per content. */
  unverified?: boolean;
  /** The live version the action is based on: delete precondition / apply optimistic lock. */
  observed?: { uid: string; resourceVersion: string };
  /**
   * Apply with force: only updates of an object proved ours, where the registry is the authority and takes back
   * fields someone else changed. Creates and everything else never force (a conflict is shown, not overridden).
   */
  force?: boolean;
  /** The managed fields a hand edit changed (drift, repaired by this apply): reported as an Event. */
  drift?: string[];
};

export type RegistryConditionReason =
  | "ForeignObject"
  | "UnplannedForeignObjects"
  | "HeldStaleCluster"
  | "HeldStaleSource"
  | "ConfigSourceStale"
  | "InvalidSnapshotObject"
  | "SeveralWorkspaceSettings"
  | "SettingWithoutWorkspace"
  | "DuplicateWorkspace"
  | "PlanInputInvalid"
  | "ApplyConflict"
  | "WriteFailed"
  | "UnobservedKind"
  | "GatewayHostnameUnresolved";

export type RegistryCondition = {
  severity: "error" | "warning" | "info";
  reason: RegistryConditionReason;
  message: string;
  workspace?: string;
  cluster?: string;
  subject?: string;
  /** Grouped conditions (UnplannedForeignObjects): how many objects, and a few of them. */
  count?: number;
  examples?: string[];
};

/** `Kind namespace/name` (the planner's objectId spelling), for observed objects. */
export function observedId(o: { kind: string; namespace: string; name: string }): string {
  return `${o.kind} ${o.namespace}/${o.name}`;
}
