// Builds the Pod a ReplicaSet would create from a Deployment's template, with the defaults the apiserver adds.
import type { KubeObject } from "../apiserver/types";
import { safeHash, stableJson } from "./names";
import { asArray, asRecord, clone, controllerRef, stringMap, type JsonRecord } from "./object-util";

export const POD_TEMPLATE_HASH = "pod-template-hash";

// Stored objects are immutable (every write stores a new one), so the hash can be kept per object.
const hashes = new WeakMap<KubeObject, string>();

/** The pod-template-hash of a Deployment's current template (changes exactly when the template does). */
export function templateHash(deployment: KubeObject): string {
  let hash = hashes.get(deployment);
  if (hash === undefined) {
    hash = safeHash(stableJson(asRecord(deployment.spec)?.template ?? {}), 10);
    hashes.set(deployment, hash);
  }
  return hash;
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

/** The pod object to create (generateName `<deployment>-<hash>-`, as `<replicaset>-`). */
export function podFromDeployment(deployment: KubeObject, hash: string, nodeName: string): KubeObject {
  const template = asRecord(asRecord(deployment.spec)?.template) ?? {};
  const meta = asRecord(template.metadata) ?? {};
  const spec = clone(asRecord(template.spec) ?? {});
  const name = deployment.metadata.name ?? "";
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
    nodeName,
  };
  podSpec.serviceAccount = podSpec.serviceAccountName;
  const annotations = stringMap(meta.annotations);
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      generateName: `${name}-${hash}-`,
      namespace: deployment.metadata.namespace,
      labels: { ...stringMap(meta.labels), [POD_TEMPLATE_HASH]: hash },
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
      // Upstream the owner is the ReplicaSet `<deployment>-<hash>`; the lab serves no ReplicaSets, so pods
      // point at their Deployment directly (garbage collection then works the same way).
      ownerReferences: [controllerRef(deployment)],
    },
    spec: podSpec,
  };
}
