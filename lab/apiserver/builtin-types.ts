// Built-in kinds (custom: false). listMapKeys mirror the upstream OpenAPI list-map markers that server-side apply
// merges by (x-kubernetes-list-type: map + x-kubernetes-list-map-keys); every other list is atomic.
import { rbacTypes } from "./auth/rbac-types";
import { crdType } from "./crd/crd-kind";
import { defineType } from "./define-type";
import type { ResourceType } from "./types";

const containers = ["name"];
const podLists = { "spec.containers": containers, "spec.initContainers": containers, "spec.ephemeralContainers": containers };

function templateLists(prefix: string): Record<string, string[]> {
  return Object.fromEntries(Object.entries(podLists).map(([path, keys]) => [`${prefix}.${path}`, keys]));
}

export function builtinTypes(): ResourceType[] {
  return [
    defineType({ group: "", version: "v1", kind: "Namespace", plural: "namespaces", namespaced: false, shortNames: ["ns"], subresources: { status: true } }),
    defineType({ group: "", version: "v1", kind: "Node", plural: "nodes", namespaced: false, shortNames: ["no"], subresources: { status: true } }),
    defineType({
      group: "", version: "v1", kind: "Service", plural: "services", shortNames: ["svc"], categories: ["all"],
      subresources: { status: true }, listMapKeys: { "spec.ports": ["port", "protocol"] },
    }),
    defineType({ group: "", version: "v1", kind: "Endpoints", plural: "endpoints", singular: "endpoints", listKind: "EndpointsList", shortNames: ["ep"] }),
    defineType({
      group: "", version: "v1", kind: "Pod", plural: "pods", shortNames: ["po"], categories: ["all"],
      subresources: { status: true, log: true }, listMapKeys: { ...podLists, "spec.containers.ports": ["containerPort", "protocol"] },
    }),
    defineType({ group: "", version: "v1", kind: "Event", plural: "events", shortNames: ["ev"] }),
    defineType({ group: "", version: "v1", kind: "ConfigMap", plural: "configmaps", shortNames: ["cm"] }),
    defineType({ group: "", version: "v1", kind: "Secret", plural: "secrets" }),
    // The identity RBAC subjects name (the console's own, deploy/rbac); the lab issues no tokens for them.
    defineType({ group: "", version: "v1", kind: "ServiceAccount", plural: "serviceaccounts", shortNames: ["sa"] }),
    defineType({
      group: "apps", version: "v1", kind: "Deployment", plural: "deployments", shortNames: ["deploy"], categories: ["all"],
      subresources: { status: true, scale: true }, listMapKeys: templateLists("spec.template"),
    }),
    // Deployments own ReplicaSets, which own Pods (the lab's deployment and replicaset controllers).
    defineType({
      group: "apps", version: "v1", kind: "ReplicaSet", plural: "replicasets", shortNames: ["rs"], categories: ["all"],
      subresources: { status: true, scale: true }, listMapKeys: templateLists("spec.template"),
    }),
    defineType({ group: "discovery.k8s.io", version: "v1", kind: "EndpointSlice", plural: "endpointslices" }),
    defineType({ group: "coordination.k8s.io", version: "v1", kind: "Lease", plural: "leases" }),
    // What deploy/base (kustomize) ships beside the console: a NetworkPolicy and a PodDisruptionBudget.
    defineType({ group: "networking.k8s.io", version: "v1", kind: "NetworkPolicy", plural: "networkpolicies", shortNames: ["netpol"] }),
    defineType({ group: "policy", version: "v1", kind: "PodDisruptionBudget", plural: "poddisruptionbudgets", shortNames: ["pdb"], subresources: { status: true } }),
    ...rbacTypes(),
    crdType(),
  ];
}

// Per-kind registry strategy flags that upstream keeps in each kind's REST storage rather than in discovery.

/** Stores with ReturnDeletedObject: true answer DELETE with the object; the rest answer a Success Status. */
export const RETURNS_DELETED_OBJECT = new Set(["/Pod", "/Service", "/Namespace"]);

/** Strategies whose AllowCreateOnUpdate() is true: a PUT to a missing object creates it. */
export const CREATES_ON_UPDATE = new Set(["/Endpoints", "/Event", "coordination.k8s.io/Lease"]);

/**
 * Strategies whose PrepareForCreate keeps `status` although the kind has a status subresource: the kubelet
 * registers its Node with its status in the same POST.
 */
export const KEEPS_STATUS_ON_CREATE = new Set(["/Node"]);

/** Built-in strategies that maintain metadata.generation (custom resources always do). */
const TRACKS_GENERATION = new Set(["apps/Deployment", "apps/ReplicaSet", "networking.k8s.io/NetworkPolicy", "policy/PodDisruptionBudget", "discovery.k8s.io/EndpointSlice", "apiextensions.k8s.io/CustomResourceDefinition"]);

export function tracksGeneration(type: ResourceType): boolean {
  return type.custom || TRACKS_GENERATION.has(typeKey(type));
}

export function typeKey(type: ResourceType): string {
  return `${type.group}/${type.kind}`;
}
