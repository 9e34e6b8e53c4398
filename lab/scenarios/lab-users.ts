// Who may use the lab's clusters: the admin (the kubeconfig's user: the console, kubectl and every test act as it)
// and the demo's narrower users (users.kubeconfig), with the RBAC that gives each its role in every cluster:
// - viewer (group eastwest:viewers): the `view` ClusterRole everywhere;
// - app-owner (group eastwest:app-owners): view, plus scaling deployments and managing FailoverDrills in bookinfo;
// - platform-owner (a client certificate, bound as a User): view, plus IngressGateways and WorkspaceSettings.
import { clusterRole, clusterRoleBinding, group, user, type ClusterStore, type KubeObject } from "../apiserver/index";

export interface LabUser {
  name: string;
  groups: string[];
  /** How its kubeconfig entry authenticates (default a bearer token); a certificate carries its name as CN. */
  credential?: "token" | "client-certificate";
}

/** kubeadm's admin user; system:masters bypasses authorization, as on a kubeadm or kind cluster. */
export const ADMIN_USER: LabUser = { name: "kubernetes-admin", groups: ["system:masters"] };

export const DEMO_USERS: LabUser[] = [
  { name: "viewer", groups: ["eastwest:viewers"] },
  { name: "app-owner", groups: ["eastwest:app-owners"] },
  // A client certificate from the lab's client CA (CN platform-owner, no O: no groups), as kubeadm users are.
  { name: "platform-owner", groups: [], credential: "client-certificate" },
];

const DRILL_NAMESPACE = "bookinfo";
const RBAC = "rbac.authorization.k8s.io";
const META = { labels: { "app.kubernetes.io/part-of": "eastwest-lab" } };
const WRITE = ["get", "list", "watch", "create", "update", "patch", "delete"];

function appOwnerBinding(namespace: string): KubeObject {
  return {
    apiVersion: `${RBAC}/v1`, kind: "RoleBinding", metadata: { name: "eastwest:app-owner", namespace, ...META },
    roleRef: { apiGroup: RBAC, kind: "ClusterRole", name: "eastwest:app-owner" },
    subjects: [group("eastwest:app-owners")],
  };
}

/** The demo users' roles and bindings for one cluster (the app owner's only where bookinfo exists). */
export function demoUserPolicy(store: ClusterStore): KubeObject[] {
  const nsType = store.types.byKind("", "Namespace");
  const hasBookinfo = nsType !== undefined && store.get(nsType, undefined, DRILL_NAMESPACE) !== undefined;
  return [
    clusterRoleBinding("eastwest:viewers", "view", [group("eastwest:viewers"), group("eastwest:app-owners"), user("platform-owner")], META),
    clusterRole("eastwest:app-owner", [
      { apiGroups: ["apps"], resources: ["deployments/scale"], verbs: ["get", "update", "patch"] },
      { apiGroups: ["eastwest.dev"], resources: ["failoverdrills", "failoverdrills/status"], verbs: WRITE },
    ], META),
    clusterRole("eastwest:platform-owner", [
      { apiGroups: ["install.tetrate.io"], resources: ["ingressgateways", "ingressgateways/status"], verbs: WRITE },
      { apiGroups: ["settings.tetrate.io"], resources: ["workspacesettings"], verbs: WRITE },
    ], META),
    clusterRoleBinding("eastwest:platform-owner", "eastwest:platform-owner", [user("platform-owner")], META),
    ...(hasBookinfo ? [appOwnerBinding(DRILL_NAMESPACE)] : []),
  ];
}
