// Seeding objects the way `kubectl apply -f` would create them: field manager kubectl-client-side-apply and the
// kubectl.kubernetes.io/last-applied-configuration annotation (compact JSON with sorted keys, as kubectl writes
// it), so the seeded objects look like any user's and later client-side applies compute the same three-way patch.
import type { ClusterStore, KubeObject } from "../apiserver/types";

export const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${sortedJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function groupOf(apiVersion: string): string {
  return apiVersion.includes("/") ? (apiVersion.split("/")[0] ?? "") : "";
}

/**
 * Creates `manifest` as `kubectl apply` would (or, with `lastApplied: false`, as `kubectl create` would: manager
 * kubectl-create, no annotation — what the big scale scenario uses to keep objects small). An existing object of
 * that name is left alone (seeds are idempotent).
 */
export function kubectlApply(store: ClusterStore, manifest: KubeObject, options: { lastApplied?: boolean } = {}): KubeObject {
  const type = store.types.byKind(groupOf(manifest.apiVersion), manifest.kind);
  if (!type) throw new Error(`lab: scenario uses ${manifest.kind} (${manifest.apiVersion}), which the lab does not serve`);
  const namespace = type.namespaced ? manifest.metadata.namespace : undefined;
  const existing = store.get(type, namespace, manifest.metadata.name ?? "");
  if (existing) return existing;
  if (options.lastApplied === false) return store.create(type, manifest, { fieldManager: "kubectl-create" });
  const annotations = { ...manifest.metadata.annotations, [LAST_APPLIED]: `${sortedJson(manifest)}\n` };
  return store.create(type, { ...manifest, metadata: { ...manifest.metadata, annotations } }, { fieldManager: "kubectl-client-side-apply" });
}

export function namespaceManifest(name: string, labels: Record<string, string> = {}, annotations: Record<string, string> = {}): KubeObject {
  const metadata = { name, labels: { "kubernetes.io/metadata.name": name, ...labels }, ...(Object.keys(annotations).length > 0 ? { annotations } : {}) };
  return { apiVersion: "v1", kind: "Namespace", metadata };
}

export interface AppSpec {
  namespace: string;
  /** The Service name and the `app` label. */
  app: string;
  version?: string;
  image: string;
  port: number;
  serviceAccount?: string;
  replicas?: number;
  command?: string[];
  env?: Array<{ name: string; value: string }>;
}

/** A Service selecting `app`, port named `http`, as the Istio samples declare them. */
export function serviceManifest(spec: AppSpec): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: spec.app, namespace: spec.namespace, labels: { app: spec.app, service: spec.app } },
    spec: { ports: [{ port: spec.port, name: "http" }], selector: { app: spec.app } },
  };
}

/** A Deployment `<app>-<version>` (or `<app>`) with labels app (+ version). */
export function deploymentManifest(spec: AppSpec): KubeObject {
  const labels: Record<string, string> = { app: spec.app, ...(spec.version ? { version: spec.version } : {}) };
  const container: Record<string, unknown> = {
    name: spec.app,
    image: spec.image,
    imagePullPolicy: "IfNotPresent",
    ...(spec.command ? { command: spec.command } : {}),
    ...(spec.env ? { env: spec.env } : {}),
    ports: [{ containerPort: spec.port }],
  };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: spec.version ? `${spec.app}-${spec.version}` : spec.app, namespace: spec.namespace, labels },
    spec: {
      replicas: spec.replicas ?? 1,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { ...(spec.serviceAccount ? { serviceAccountName: spec.serviceAccount } : {}), containers: [container] },
      },
    },
  };
}
