// Kinds and objects the patch engine's unit tests share (test-only; the engine never imports this).
import { StatusError, type KubeObject, type ResourceType, type Status } from "../types";
import { computePatch } from "./compute-patch";

export const serviceEntryType: ResourceType = {
  group: "networking.istio.io", version: "v1", servedVersions: ["v1", "v1beta1"], kind: "ServiceEntry",
  listKind: "ServiceEntryList", plural: "serviceentries", singular: "serviceentry", namespaced: true,
  shortNames: ["se"], custom: true, subresources: { status: true }, listMapKeys: { "spec.ports": ["name"] },
};

export const deploymentType: ResourceType = {
  group: "apps", version: "v1", servedVersions: ["v1"], kind: "Deployment", listKind: "DeploymentList",
  plural: "deployments", singular: "deployment", namespaced: true, shortNames: ["deploy"], custom: false,
  subresources: { status: true, scale: true },
  listMapKeys: { "spec.template.spec.containers": ["name"], "spec.template.spec.containers.ports": ["containerPort", "protocol"] },
};

export const serviceType: ResourceType = {
  group: "", version: "v1", servedVersions: ["v1"], kind: "Service", listKind: "ServiceList", plural: "services",
  singular: "service", namespaced: true, shortNames: ["svc"], custom: false, subresources: { status: true },
  listMapKeys: { "spec.ports": ["port", "protocol"] },
};

export const configMapType: ResourceType = {
  group: "", version: "v1", servedVersions: ["v1"], kind: "ConfigMap", listKind: "ConfigMapList", plural: "configmaps",
  singular: "configmap", namespaced: true, shortNames: ["cm"], custom: false, subresources: {},
};

export const T0 = "2026-01-01T00:00:00Z";
export const T1 = "2026-01-01T00:01:00Z";
export const T2 = "2026-01-01T00:02:00Z";

/** A stored ServiceEntry as the store would hold it (server fields set). */
export function storedServiceEntry(spec: Record<string, unknown>, extra: Partial<KubeObject["metadata"]> = {}): KubeObject {
  return {
    apiVersion: "networking.istio.io/v1", kind: "ServiceEntry",
    metadata: { name: "se1", namespace: "ns", uid: "u-1", resourceVersion: "10", generation: 1, creationTimestamp: T0, ...extra },
    spec,
  };
}

export function yamlBody(lines: string[]): string {
  return `${lines.join("\n")}\n`;
}

export const APPLY = "application/apply-patch+yaml";

/** A server-side apply through the engine's entry point (ServiceEntry unless told otherwise). */
export function apply(
  existing: KubeObject | undefined, body: string, manager: string,
  extra: { force?: boolean; now?: string; type?: ResourceType; subresource?: "status" } = {},
): KubeObject {
  return computePatch({ type: extra.type ?? serviceEntryType, existing, body, contentType: APPLY, fieldManager: manager, now: extra.now ?? T1, ...extra });
}

/** The result as the store would keep it (the live uid/resourceVersion/creationTimestamp set). */
export function stored(object: KubeObject): KubeObject {
  return { ...object, metadata: { uid: "u-1", resourceVersion: "10", creationTimestamp: T0, ...object.metadata } };
}

/** The Status a call throws (fails the test when it throws nothing). */
export function statusOf(fn: () => unknown): Status {
  try {
    fn();
  } catch (err) {
    if (err instanceof StatusError) return err.status;
    throw err;
  }
  throw new Error("expected a StatusError");
}

/** A ServiceEntry apply configuration (name se1, namespace ns) from spec lines and label lines. */
export function seConfig(spec: string[], labels: string[] = []): string {
  return yamlBody([
    "apiVersion: networking.istio.io/v1", "kind: ServiceEntry", "metadata:", "  name: se1", "  namespace: ns",
    ...(labels.length ? ["  labels:", ...labels.map((l) => `    ${l}`)] : []), "spec:", ...spec.map((l) => `  ${l}`),
  ]);
}

export const seBase = seConfig(["hosts: [a.example]", "resolution: DNS", "ports:", "- {name: http, number: 80, protocol: HTTP}"], ["app: a"]);
