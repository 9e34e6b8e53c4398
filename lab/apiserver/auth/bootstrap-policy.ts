// The default roles an apiserver with RBAC creates at start (plugin/pkg/auth/authorizer/rbac/bootstrappolicy):
// cluster-admin for system:masters, discovery and self-reviews for every authenticated user, health and version
// for everyone, and `view` (here with what the aggregated view role gathers from the mesh and product CRDs'
// aggregate-to-view roles, since the lab does not aggregate). Existing objects are left as they are.
import type { ClusterStore, KubeObject } from "../types";
import { AUTHENTICATED_GROUP, MASTERS_GROUP, UNAUTHENTICATED_GROUP } from "./identity";
import { RBAC_GROUP } from "./rbac-types";
import type { PolicyRule, Subject } from "./rbac-objects";

const API_VERSION = `${RBAC_GROUP}/v1`;
const BOOTSTRAP = { labels: { "kubernetes.io/bootstrapping": "rbac-defaults" }, annotations: { "rbac.authorization.kubernetes.io/autoupdate": "true" } };
const READ = ["get", "list", "watch"];

export function clusterRole(name: string, rules: PolicyRule[], meta: Record<string, unknown> = BOOTSTRAP): KubeObject {
  return { apiVersion: API_VERSION, kind: "ClusterRole", metadata: { name, ...meta }, rules };
}

export function clusterRoleBinding(name: string, role: string, subjects: Subject[], meta: Record<string, unknown> = BOOTSTRAP): KubeObject {
  return { apiVersion: API_VERSION, kind: "ClusterRoleBinding", metadata: { name, ...meta }, roleRef: { apiGroup: RBAC_GROUP, kind: "ClusterRole", name: role }, subjects };
}

export function group(name: string): Subject {
  return { apiGroup: RBAC_GROUP, kind: "Group", name };
}

export function user(name: string): Subject {
  return { apiGroup: RBAC_GROUP, kind: "User", name };
}

const PUBLIC_INFO = ["/healthz", "/livez", "/readyz", "/version", "/version/"];

const VIEW_RULES: PolicyRule[] = [
  { apiGroups: [""], resources: ["configmaps", "endpoints", "persistentvolumeclaims", "pods", "pods/log", "pods/status", "replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts", "services", "services/status"], verbs: READ },
  { apiGroups: [""], resources: ["bindings", "events", "limitranges", "namespaces", "namespaces/status", "resourcequotas"], verbs: READ },
  { apiGroups: ["apps"], resources: ["controllerrevisions", "daemonsets", "deployments", "deployments/scale", "deployments/status", "replicasets", "replicasets/scale", "statefulsets"], verbs: READ },
  { apiGroups: ["discovery.k8s.io"], resources: ["endpointslices"], verbs: READ },
  { apiGroups: ["networking.istio.io", "install.tetrate.io", "tsb.tetrate.io", "settings.tetrate.io", "eastwest.dev"], resources: ["*"], verbs: READ },
];

export function bootstrapPolicy(): KubeObject[] {
  return [
    clusterRole("cluster-admin", [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }, { nonResourceURLs: ["*"], verbs: ["*"] }]),
    clusterRole("system:discovery", [{ nonResourceURLs: ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/"], verbs: ["get"] }]),
    clusterRole("system:basic-user", [
      { apiGroups: ["authentication.k8s.io"], resources: ["selfsubjectreviews"], verbs: ["create"] },
      { apiGroups: ["authorization.k8s.io"], resources: ["selfsubjectaccessreviews", "selfsubjectrulesreviews"], verbs: ["create"] },
    ]),
    clusterRole("system:public-info-viewer", [{ nonResourceURLs: PUBLIC_INFO, verbs: ["get"] }]),
    clusterRole("view", VIEW_RULES),
    clusterRoleBinding("cluster-admin", "cluster-admin", [group(MASTERS_GROUP)]),
    clusterRoleBinding("system:discovery", "system:discovery", [group(AUTHENTICATED_GROUP)]),
    clusterRoleBinding("system:basic-user", "system:basic-user", [group(AUTHENTICATED_GROUP)]),
    clusterRoleBinding("system:public-info-viewer", "system:public-info-viewer", [group(AUTHENTICATED_GROUP), group(UNAUTHENTICATED_GROUP)]),
  ];
}

/** Creates what is missing, as the rbac/bootstrap-roles post-start hook does (manager kube-apiserver). */
export function ensureObjects(store: ClusterStore, objects: KubeObject[]): void {
  for (const object of objects) {
    const [groupName = "", version] = object.apiVersion.split("/");
    const type = store.types.byKind(version === undefined ? "" : groupName, object.kind);
    if (!type) throw new Error(`lab: ${object.kind} is not served`);
    const namespace = type.namespaced ? object.metadata.namespace : undefined;
    if (store.get(type, namespace, object.metadata.name ?? "")) continue;
    store.create(type, object, { fieldManager: "kube-apiserver" });
  }
}
