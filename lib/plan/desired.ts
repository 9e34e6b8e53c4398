// The planner's output objects. Every one carries the ownership label the controller selects on and
// annotations naming what it was generated from, so the controller can (a) only ever touch what it owns,
// (b) explain each object's origin, and (c) skip writes whose content hash already matches the live object.
import { isLabelValue } from "@/lib/names/dns";
import { md5Hex } from "@/lib/names/md5";
import { compareStrings, sortedRecord, stableStringify, uniqueSorted, type JsonObject } from "./json";

export const MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
export const MANAGED_BY_VALUE = "eastwest-console";
const PREFIX = "eastwest-console.io";
/** Labels (only when a single, label-safe value exists) for `kubectl get -l` and list selectors. */
export const WORKSPACE_LABEL = `${PREFIX}/workspace`;
export const SOURCE_CLUSTER_LABEL = `${PREFIX}/source-cluster`;
/** Annotations: always present, comma-separated when several. */
export const WORKSPACES_ANNOTATION = `${PREFIX}/workspaces`;
export const WORKSPACE_SETTINGS_ANNOTATION = `${PREFIX}/workspace-settings`;
export const SOURCE_CLUSTERS_ANNOTATION = `${PREFIX}/source-clusters`;
export const SERVICES_ANNOTATION = `${PREFIX}/services`;
/** MD5 of the object's labels, other annotations and spec (key-sorted JSON). */
export const CONTENT_HASH_ANNOTATION = `${PREFIX}/content-hash`;

export type DesiredKind = "ServiceEntry" | "WorkloadEntry" | "DestinationRule" | "Gateway";

export type DesiredObject = {
  apiVersion: "networking.istio.io/v1";
  kind: DesiredKind;
  metadata: { name: string; namespace: string; labels: Record<string, string>; annotations: Record<string, string> };
  spec: JsonObject;
};

/** Where an object came from: workspaces (+ their settings `ns/name`), source clusters, service FQDNs. */
export type Provenance = { workspaces: string[]; settings: string[]; sourceClusters: string[]; services: string[] };

export type ObjectDraft = {
  kind: DesiredKind;
  name: string;
  namespace: string;
  provenance: Provenance;
  /** Labels besides the ownership ones (e.g. the Service selector a shadow WorkloadEntry must carry). */
  labels?: Record<string, string>;
  spec: JsonObject;
};

function single(values: string[]): string | undefined {
  const [only, ...rest] = values;
  return only !== undefined && rest.length === 0 && isLabelValue(only) ? only : undefined;
}

function provenanceLabels(p: Provenance): Record<string, string> {
  const workspace = single(p.workspaces);
  const source = single(p.sourceClusters);
  return {
    ...(workspace === undefined ? {} : { [WORKSPACE_LABEL]: workspace }),
    ...(source === undefined ? {} : { [SOURCE_CLUSTER_LABEL]: source }),
  };
}

function provenanceAnnotations(p: Provenance): Record<string, string> {
  return {
    [WORKSPACES_ANNOTATION]: uniqueSorted(p.workspaces).join(","),
    [WORKSPACE_SETTINGS_ANNOTATION]: uniqueSorted(p.settings).join(","),
    [SOURCE_CLUSTERS_ANNOTATION]: uniqueSorted(p.sourceClusters).join(","),
    [SERVICES_ANNOTATION]: uniqueSorted(p.services).join(","),
  };
}

/** The content hash's function: md5 as lowercase hex (a server may pass node:crypto's, which is faster). */
export type Hash = (text: string) => string;

/**
 * What the objects built from one draft share, worked out once: labels, provenance annotations and the head of
 * the hashed text. A planner that builds several objects differing only in name and spec (a shadow
 * WorkloadEntry per gateway address) pays for the rest once, not per object.
 */
export type PreparedDraft = {
  kind: DesiredKind;
  namespace: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** `{"annotations":…,"labels":…,"spec":`: the hashed text up to the spec (keys in sorted order). */
  head: string;
};

export function prepareDraft(draft: Omit<ObjectDraft, "name" | "spec">): PreparedDraft {
  const labels = sortedRecord({ ...draft.labels, ...provenanceLabels(draft.provenance), [MANAGED_BY_LABEL]: MANAGED_BY_VALUE });
  const annotations = sortedRecord(provenanceAnnotations(draft.provenance));
  return { kind: draft.kind, namespace: draft.namespace, labels, annotations, head: `{"annotations":${stableStringify(annotations)},"labels":${stableStringify(labels)},"spec":` };
}

/**
 * One object of a prepared draft. Its content hash is the hash of stableStringify({ labels, annotations, spec }),
 * written as the prepared head and the spec's JSON: the same text, so live objects' hashes still match. A caller
 * that knows the spec's stable JSON already (built from shared parts) passes it. The objects of one draft share
 * its labels object (outputs are immutable).
 */
export function buildPrepared(prepared: PreparedDraft, name: string, spec: JsonObject, hash: Hash = md5Hex, specJson = stableStringify(spec)): DesiredObject {
  const contentHash = hash(`${prepared.head}${specJson}}`);
  // Sorted by construction: the content-hash key sorts before every provenance key (…/content-hash < …/services).
  const annotations = { [CONTENT_HASH_ANNOTATION]: contentHash, ...prepared.annotations };
  return { apiVersion: "networking.istio.io/v1", kind: prepared.kind, metadata: { name, namespace: prepared.namespace, labels: prepared.labels, annotations }, spec };
}

export function buildObject(draft: ObjectDraft, hash: Hash = md5Hex): DesiredObject {
  return buildPrepared(prepareDraft(draft), draft.name, draft.spec, hash);
}

/** `Kind namespace/name`: unique within a cluster, used for de-duplication and in messages. */
export function objectId(o: { kind: string; metadata: { namespace: string; name: string } }): string {
  return `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`;
}

export function compareObjects(a: DesiredObject, b: DesiredObject): number {
  return compareStrings(objectId(a), objectId(b));
}
