// The four RBAC kinds (rbac.authorization.k8s.io/v1), served as real kinds: the authorizer (rbac-evaluator.ts)
// reads them from the cluster's store on every request, so a binding written through the API takes effect at once.
import { defineType } from "../define-type";
import type { ResourceType } from "../types";

export const RBAC_GROUP = "rbac.authorization.k8s.io";

export function rbacTypes(): ResourceType[] {
  return [
    defineType({ group: RBAC_GROUP, version: "v1", kind: "ClusterRole", plural: "clusterroles", namespaced: false }),
    defineType({ group: RBAC_GROUP, version: "v1", kind: "ClusterRoleBinding", plural: "clusterrolebindings", namespaced: false }),
    defineType({ group: RBAC_GROUP, version: "v1", kind: "Role", plural: "roles" }),
    defineType({ group: RBAC_GROUP, version: "v1", kind: "RoleBinding", plural: "rolebindings" }),
  ];
}
