// Writing fixtures straight into a running lab's cluster stores (what `kubectl apply`, `kubectl scale` and
// `kubectl delete` end up doing, without a kubectl process per step), and reading back what the controllers made:
// a gateway's published addresses, a Deployment's ready pods.
import type { ClusterStore, KubeObject, ResourceType } from "../../apiserver/types";
import { kubectlApply } from "../../scenarios/seed-util";
import { GATEWAY_NAME, GATEWAY_NAMESPACE } from "./mesh-fixtures";
import { pollUntil } from "./poll";

/** What the helpers need of a lab: its clusters' stores (startLab's `Lab` has them). */
export interface StoreLab {
  clusters: Array<{ name: string; store: ClusterStore }>;
}

export function storeOf(lab: StoreLab, cluster: string): ClusterStore {
  const found = lab.clusters.find((c) => c.name === cluster);
  if (!found) throw new Error(`no cluster ${cluster} in the lab`);
  return found.store;
}

function typeOf(store: ClusterStore, manifest: { apiVersion: string; kind: string }): ResourceType {
  const group = manifest.apiVersion.includes("/") ? (manifest.apiVersion.split("/")[0] ?? "") : "";
  const type = store.types.byKind(group, manifest.kind);
  if (!type) throw new Error(`the lab does not serve ${manifest.kind}`);
  return type;
}

const kind = (store: ClusterStore, apiVersion: string, k: string): ResourceType => typeOf(store, { apiVersion, kind: k });

/** Creates the object as `kubectl apply` would, or replaces the spec of an existing one (a later apply's outcome). */
export function applyObject(lab: StoreLab, cluster: string, manifest: KubeObject): void {
  const store = storeOf(lab, cluster);
  const type = typeOf(store, manifest);
  const existing = store.get(type, manifest.metadata.namespace, manifest.metadata.name ?? "");
  if (!existing) {
    kubectlApply(store, manifest);
    return;
  }
  const metadata = { ...existing.metadata, labels: manifest.metadata.labels ?? existing.metadata.labels };
  store.update(type, { ...existing, ...manifest, metadata }, { fieldManager: "kubectl-client-side-apply" });
}

export function deleteObject(lab: StoreLab, cluster: string, manifest: KubeObject): void {
  const store = storeOf(lab, cluster);
  const type = typeOf(store, manifest);
  if (store.get(type, manifest.metadata.namespace, manifest.metadata.name ?? "")) store.delete(type, manifest.metadata.namespace, manifest.metadata.name ?? "");
}

/** `kubectl scale deployment/<name> --replicas=<n>`. */
export function scaleDeployment(lab: StoreLab, cluster: string, namespace: string, name: string, replicas: number): void {
  const store = storeOf(lab, cluster);
  const type = kind(store, "apps/v1", "Deployment");
  const existing = store.get(type, namespace, name);
  if (!existing) throw new Error(`no Deployment ${namespace}/${name} in ${cluster}`);
  const spec = { ...(existing.spec as Record<string, unknown>), replicas };
  store.update(type, { ...existing, spec }, { fieldManager: "kubectl" });
}

type Condition = { type?: string; status?: string };
const isReady = (pod: KubeObject): boolean =>
  !pod.metadata.deletionTimestamp && ((pod.status as { conditions?: Condition[] } | undefined)?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");

/** Names of the Ready, not terminating pods labelled `labels` in `namespace`. */
export function readyPods(lab: StoreLab, cluster: string, namespace: string, labels: Record<string, string>): string[] {
  const store = storeOf(lab, cluster);
  return store
    .list(kind(store, "v1", "Pod"), namespace)
    .filter((p) => Object.entries(labels).every(([k, v]) => p.metadata.labels?.[k] === v))
    .filter(isReady)
    .map((p) => p.metadata.name ?? "");
}

/** Resolves once `count` pods of `labels` are Ready (a scaled Deployment has caught up). */
export function untilReadyPods(lab: StoreLab, cluster: string, namespace: string, labels: Record<string, string>, count: number, timeoutMs = 20_000): Promise<string[]> {
  const what = `${count} ready pods ${JSON.stringify(labels)} in ${cluster}/${namespace}`;
  return pollUntil(what, () => {
    const pods = readyPods(lab, cluster, namespace, labels);
    return Promise.resolve(pods.length === count ? pods : undefined);
  }, { timeoutMs });
}

/** The gateway's published addresses, once its LoadBalancer Service has them and one of its pods is Ready. */
export function gatewayAddresses(lab: StoreLab, cluster: string, namespace = GATEWAY_NAMESPACE, timeoutMs = 20_000): Promise<string[]> {
  return pollUntil(`the east-west gateway of ${cluster} addressed and ready`, () => {
    const store = storeOf(lab, cluster);
    const service = store.get(kind(store, "v1", "Service"), namespace, GATEWAY_NAME);
    const ingress = (service?.status as { loadBalancer?: { ingress?: Array<{ ip?: string }> } } | undefined)?.loadBalancer?.ingress ?? [];
    const ips = ingress.flatMap((i) => (i.ip ? [i.ip] : []));
    const ready = readyPods(lab, cluster, namespace, { app: GATEWAY_NAME }).length > 0;
    return Promise.resolve(ips.length > 0 && ready ? ips : undefined);
  }, { timeoutMs });
}
