// The lab's internal contract: how the API server, its storage, the patch/apply engine and the
// in-process controllers (kube-controller-manager, kubelet, gateway installer stand-ins) talk.
// The lab is a separate program: nothing here is shared with the product (app/, server/, lib/).
import type { StructuralSchema } from "./schema/structural";
import type { DeleteOptions } from "./store-delete";

/** A stored Kubernetes object: plain JSON, always with apiVersion, kind and metadata. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export interface ManagedFieldsEntry {
  manager: string;
  operation: "Apply" | "Update";
  apiVersion: string;
  time: string;
  fieldsType: "FieldsV1";
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: Array<Record<string, unknown>>;
  managedFields?: ManagedFieldsEntry[];
  [field: string]: unknown;
}

/** A printer column as a CRD declares it (additionalPrinterColumns). */
export interface PrinterColumn {
  name: string;
  type: "string" | "integer" | "number" | "boolean" | "date";
  jsonPath: string;
  description?: string;
  priority?: number;
}

/** One kind the lab serves. Built-ins and custom resources alike. */
export interface ResourceType {
  group: string; // "" for the core group
  version: string; // storage version (what is stored and watched)
  servedVersions: string[]; // every version served at /apis/<group>/<v>; objects are returned with the requested one
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories?: string[];
  /** true for CRD-backed kinds: strategic merge patch → 415, resourceVersion required on update. */
  custom: boolean;
  subresources: { status?: boolean; scale?: boolean; log?: boolean };
  /** For custom resources: the CRD's additionalPrinterColumns (Age is appended by the table writer). */
  printerColumns?: PrinterColumn[];
  /**
   * Server-side apply schema hints: dotted paths of lists that merge as maps (keys given) or sets.
   * Every list not named here is atomic, as for a CRD without x-kubernetes-list-type.
   * Example: { "spec.ports": ["name"] } for ServiceEntry, { "spec.containers": ["name"] } for pods.
   */
  listMapKeys?: Record<string, string[]>;
  listSets?: string[];
  /**
   * The structural schema (a CRD version's openAPIV3Schema): objects are pruned, defaulted and validated against
   * it on every write (422 as apiextensions answers) and defaulted on every read. Kinds without one accept any
   * content, as before.
   */
  schema?: StructuralSchema;
}

/** The upstream metav1.Status, as every error response carries it. */
export interface Status {
  kind: "Status";
  apiVersion: "v1";
  metadata: Record<string, unknown>;
  status: "Success" | "Failure";
  message?: string;
  reason?: string;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    uid?: string;
    causes?: Array<{ reason?: string; message?: string; field?: string }>;
    retryAfterSeconds?: number;
  };
  code: number;
}

/** Thrown anywhere in the lab's API path; the HTTP layer writes `status` with `status.code`. */
export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message ?? status.reason ?? "error");
    this.name = "StatusError";
  }
}

export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED";

export interface StoredEvent {
  type: WatchEventType;
  /** The object after the change (for DELETED: its last state, with the deletion's resourceVersion). */
  object: KubeObject;
  /** The object before the change, for MODIFIED/DELETED (label-selector watches need it to turn a relabel into ADDED/DELETED). */
  previous?: KubeObject;
  resourceVersion: number;
}

export interface WriteOptions {
  /** The field manager recorded in managedFields for non-apply writes. */
  fieldManager?: string;
  /**
   * Which subresource the write targets; "status" writes change only .status. "scale" writes (a Deployment's
   * /scale) change spec.replicas and are recorded in managedFields with subresource "scale", as upstream.
   */
  subresource?: "status" | "scale";
  dryRun?: boolean;
  /**
   * managedFields on the object were already computed (by computePatch for PATCH/apply); the store keeps them
   * instead of calling trackUpdate, so an apply is not also recorded as an Update.
   */
  keepManagedFields?: boolean;
}

/**
 * One simulated cluster's storage. One increasing resourceVersion counter for the whole cluster; every write
 * (status and finalizer changes included) bumps it. Methods throw StatusError with upstream reasons/messages.
 */
export interface ClusterStore {
  readonly cluster: string;
  readonly types: TypeRegistry;
  /** The counter now, as a list reports it. */
  currentResourceVersion(): string;
  /** Items ordered by namespace then name; `namespace` undefined means every namespace. */
  list(type: ResourceType, namespace?: string): KubeObject[];
  /**
   * The same items without copying: the stored objects themselves, deep-frozen, read only. The list and watch
   * paths serve from these, as upstream serves from its watch cache; copying a whole collection for every page of
   * a paged list would make a full list quadratic in the collection's size.
   */
  peek(type: ResourceType, namespace?: string): readonly KubeObject[];
  get(type: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined;
  /**
   * Sets uid, creationTimestamp, resourceVersion, and generation 1 on kinds that track it (custom resources,
   * Deployments, EndpointSlices — as upstream); expands generateName; 409 AlreadyExists.
   */
  create(type: ResourceType, object: KubeObject, options?: WriteOptions): KubeObject;
  /**
   * Replaces the object (PUT semantics). A stale metadata.resourceVersion → 409 Conflict. Generation rises only
   * when anything outside metadata/status changes. With a status subresource, a main-resource write keeps the old
   * status and a status write keeps everything but status. Re-writing an identical object is a no-op.
   */
  update(type: ResourceType, object: KubeObject, options?: WriteOptions): KubeObject;
  /**
   * Deletes, honouring finalizers (sets deletionTimestamp and keeps the object until they are gone) and, for
   * namespaces, the namespace lifecycle. Returns the object's last state and whether it is gone now.
   */
  delete(type: ResourceType, namespace: string | undefined, name: string, options?: DeleteOptions): { object: KubeObject; gone: boolean };
  /**
   * Subscribe to changes of one type. With `fromResourceVersion`, replays kept events after it first (410 Expired
   * StatusError when it is older than the kept history); without it, the caller lists first. Returns unsubscribe.
   * Events carry the stored objects themselves, deep-frozen: copy before modifying. `onEnd` is called when the
   * kind stops being served (its CustomResourceDefinition was deleted): the watch is over.
   */
  watch(type: ResourceType, fromResourceVersion: number | undefined, onEvent: (event: StoredEvent) => void, onEnd?: () => void): () => void;
}

export interface TypeRegistry {
  all(): ResourceType[];
  /** By group ("" for core), version (any served one) and plural. */
  byPlural(group: string, version: string, plural: string): ResourceType | undefined;
  byKind(group: string, kind: string): ResourceType | undefined;
}
