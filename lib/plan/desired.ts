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

export function buildObject(draft: ObjectDraft, hash: Hash = md5Hex): DesiredObject {
  const labels = sortedRecord({ ...draft.labels, ...provenanceLabels(draft.provenance), [MANAGED_BY_LABEL]: MANAGED_BY_VALUE });
  const annotations = provenanceAnnotations(draft.provenance);
  const contentHash = hash(stableStringify({ labels, annotations, spec: draft.spec }));
  return {
    apiVersion: "networking.istio.io/v1",
    kind: draft.kind,
    metadata: {
      name: draft.name,
      namespace: draft.namespace,
      labels,
      annotations: sortedRecord({ ...annotations, [CONTENT_HASH_ANNOTATION]: contentHash }),
    },
    spec: draft.spec,
  };
}

/** `Kind namespace/name`: unique within a cluster, used for de-duplication and in messages. */
export function objectId(o: { kind: string; metadata: { namespace: string; name: string } }): string {
  return `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`;
}

export function compareObjects(a: DesiredObject, b: DesiredObject): number {
  return compareStrings(objectId(a), objectId(b));
}
