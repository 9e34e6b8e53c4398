// What a Deployment's controllers build from its pod template: the pod-template-hash, the ReplicaSet
// `<deployment>-<hash>` that owns pods of one template, and the Pod a ReplicaSet creates (with the defaults the
// apiserver adds).
import type { KubeObject } from "../apiserver/types";
import { safeHash, stableJson } from "./names";
import { asArray, asRecord, clone, controllerRef, stringMap, type JsonRecord } from "./object-util";

export const POD_TEMPLATE_HASH = "pod-template-hash";
export const REVISION = "deployment.kubernetes.io/revision";
export const REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
export const DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
export const MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";

/**
 * A pod template as typed equality sees it (apiequality.Semantic on the Go structs): nulls, empty maps and empty
 * lists are absent, and the pod-template-hash label is ignored (EqualIgnoreHash). kubectl's rollout undo writes a
 * template decoded into Go structs, so it may carry `creationTimestamp: null`; it is still the same template.
 */
export function normalizedTemplate(template: unknown): unknown {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.length === 0 ? undefined : value.map((v) => strip(v) ?? {});
    const rec = asRecord(value);
    if (rec) {
      const out: JsonRecord = {};
      for (const [k, v] of Object.entries(rec)) {
        const s = strip(v);
        if (s !== undefined) out[k] = s;
      }
      return Object.keys(out).length === 0 ? undefined : out;
    }
    return value === null ? undefined : value;
  };
  const copy = clone(asRecord(template) ?? {});
  const labels = asRecord(asRecord(copy.metadata)?.labels);
  if (labels) delete labels[POD_TEMPLATE_HASH];
  return strip(copy) ?? {};
}

export function templateOf(obj: KubeObject): unknown {
  return asRecord(obj.spec)?.template ?? {};
}

// Stored objects are immutable (every write stores a new one), so the hash can be kept per object.
const hashes = new WeakMap<KubeObject, string>();

/** The pod-template-hash of a Deployment's current template (changes exactly when the template does). */
export function templateHash(deployment: KubeObject): string {
  let hash = hashes.get(deployment);
  if (hash === undefined) {
    hash = safeHash(stableJson(normalizedTemplate(templateOf(deployment))), 10);
    hashes.set(deployment, hash);
  }
  return hash;
}

/** EqualIgnoreHash: the ReplicaSet runs the Deployment's current template. */
export function sameTemplate(rs: KubeObject, deployment: KubeObject): boolean {
  return stableJson(normalizedTemplate(templateOf(rs))) === stableJson(normalizedTemplate(templateOf(deployment)));
}

/** Annotations a ReplicaSet takes from its Deployment (SetNewReplicaSetAnnotations skips these). */
const NOT_COPIED = new Set(["kubectl.kubernetes.io/last-applied-configuration", REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, "deprecated.deployment.rollback.to"]);

export function copiedAnnotations(deployment: KubeObject): Record<string, string> {
  return Object.fromEntries(Object.entries(deployment.metadata.annotations ?? {}).filter(([k]) => !NOT_COPIED.has(k)));
}

/** The new ReplicaSet for the Deployment's template: selector and template labels gain the hash. */
export function replicaSetFor(deployment: KubeObject, hash: string, revision: number, replicas: number, maxReplicas: number): KubeObject {
  const spec = asRecord(deployment.spec) ?? {};
  const template = clone(asRecord(spec.template) ?? {});
  const meta = asRecord(template.metadata) ?? {};
  const labels = { ...stringMap(meta.labels), [POD_TEMPLATE_HASH]: hash };
  template.metadata = { ...meta, labels };
  const selector = clone(asRecord(spec.selector) ?? {});
  selector.matchLabels = { ...stringMap(selector.matchLabels), [POD_TEMPLATE_HASH]: hash };
  const desired = Number(spec.replicas ?? 1);
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name: `${deployment.metadata.name ?? ""}-${hash}`,
      namespace: deployment.metadata.namespace,
      labels,
      annotations: { ...copiedAnnotations(deployment), [DESIRED_REPLICAS]: String(desired), [MAX_REPLICAS]: String(maxReplicas), [REVISION]: String(revision) },
      ownerReferences: [controllerRef(deployment)],
    },
    spec: { replicas, minReadySeconds: Number(spec.minReadySeconds ?? 0), selector, template },
  };
}

function defaultContainer(raw: unknown): JsonRecord {
  const c = clone(asRecord(raw) ?? {});
  const image = String(c.image ?? "");
  c.imagePullPolicy ??= image.endsWith(":latest") || !image.includes(":") ? "Always" : "IfNotPresent";
  c.resources ??= {};
  c.terminationMessagePath ??= "/dev/termination-log";
  c.terminationMessagePolicy ??= "File";
  c.ports = asArray(c.ports).map((p) => ({ protocol: "TCP", ...(asRecord(p) ?? {}) }));
  if ((c.ports as unknown[]).length === 0) delete c.ports;
  return c;
}

/**
 * The pod a ReplicaSet creates (generateName `<replicaset>-`, so `<deployment>-<hash>-<suffix>`), unbound: the
 * scheduler picks its node (so a cordoned node leaves it Pending, as upstream).
 */
export function podFromReplicaSet(rs: KubeObject): KubeObject {
  const template = asRecord(templateOf(rs)) ?? {};
  const meta = asRecord(template.metadata) ?? {};
  const spec = clone(asRecord(template.spec) ?? {});
  const podSpec: JsonRecord = {
    restartPolicy: "Always",
    terminationGracePeriodSeconds: 30,
    dnsPolicy: "ClusterFirst",
    serviceAccountName: "default",
    securityContext: {},
    schedulerName: "default-scheduler",
    enableServiceLinks: true,
    preemptionPolicy: "PreemptLowerPriority",
    priority: 0,
    ...spec,
    containers: asArray(spec.containers).map(defaultContainer),
  };
  podSpec.serviceAccount = podSpec.serviceAccountName;
  const annotations = stringMap(meta.annotations);
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      generateName: `${rs.metadata.name ?? ""}-`,
      namespace: rs.metadata.namespace,
      labels: stringMap(meta.labels),
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
      ownerReferences: [controllerRef(rs)],
    },
    spec: podSpec,
  };
}
