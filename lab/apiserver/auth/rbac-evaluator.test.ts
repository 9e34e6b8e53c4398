import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types";
import { clusterRole, clusterRoleBinding, group, user } from "./bootstrap-policy";
import type { Attributes, UserInfo } from "./identity";
import { authorize } from "./rbac-evaluator";
import type { PolicyRule, RbacSource } from "./rbac-objects";

const RBAC = "rbac.authorization.k8s.io/v1";

function role(namespace: string, name: string, rules: PolicyRule[]): KubeObject {
  return { apiVersion: RBAC, kind: "Role", metadata: { name, namespace }, rules };
}

function roleBinding(namespace: string, name: string, roleRef: { kind: string; name: string }, subjects: unknown[]): KubeObject {
  return { apiVersion: RBAC, kind: "RoleBinding", metadata: { name, namespace }, roleRef: { apiGroup: "rbac.authorization.k8s.io", ...roleRef }, subjects };
}

const objects: KubeObject[] = [
  clusterRole("reader", [{ apiGroups: [""], resources: ["pods", "pods/log"], verbs: ["get", "list"] }, { nonResourceURLs: ["/metrics", "/debug/*"], verbs: ["get"] }]),
  clusterRole("scaler", [{ apiGroups: ["apps"], resources: ["deployments/scale"], verbs: ["update", "patch"], resourceNames: ["web"] }]),
  clusterRole("any-status", [{ apiGroups: ["*"], resources: ["*/status"], verbs: ["*"] }]),
  clusterRole("impersonator", [{ apiGroups: [""], resources: ["users"], verbs: ["impersonate"], resourceNames: ["alice"] }]),
  clusterRoleBinding("readers", "reader", [group("readers")]),
  clusterRoleBinding("status-writers", "any-status", [user("stat")]),
  clusterRoleBinding("impersonators", "impersonator", [user("imp")]),
  clusterRoleBinding("dangling", "no-such-role", [user("lost")]),
  role("shop", "drills", [{ apiGroups: ["eastwest.dev"], resources: ["failoverdrills"], verbs: ["*"] }]),
  roleBinding("shop", "owners", { kind: "Role", name: "drills" }, [{ kind: "User", name: "owner" }, { kind: "ServiceAccount", name: "runner" }]),
  roleBinding("shop", "scalers", { kind: "ClusterRole", name: "scaler" }, [{ kind: "Group", name: "ops" }]),
];

const source: RbacSource = {
  clusterRoleBindings: () => objects.filter((o) => o.kind === "ClusterRoleBinding"),
  roleBindings: (ns) => objects.filter((o) => o.kind === "RoleBinding" && o.metadata.namespace === ns),
  clusterRole: (name) => objects.find((o) => o.kind === "ClusterRole" && o.metadata.name === name),
  role: (ns, name) => objects.find((o) => o.kind === "Role" && o.metadata.namespace === ns && o.metadata.name === name),
};

const u = (name: string, ...groups: string[]): UserInfo => ({ name, groups: [...groups, "system:authenticated"] });
const res = (verb: string, apiGroup: string, resource: string, extra: Partial<Extract<Attributes, { resourceRequest: true }>> = {}): Attributes => ({ resourceRequest: true, verb, apiGroup, resource, ...extra });
const path = (verb: string, p: string): Attributes => ({ resourceRequest: false, verb, path: p });

describe("RBAC evaluator", () => {
  const cases: Array<[string, UserInfo, Attributes, boolean, string?]> = [
    ["system:masters bypasses RBAC", u("root", "system:masters"), res("delete", "", "nodes"), true, ""],
    ["a group's ClusterRoleBinding grants its verbs", u("bob", "readers"), res("list", "", "pods", { namespace: "x" }), true, 'RBAC: allowed by ClusterRoleBinding "readers" of ClusterRole "reader" to Group "readers"'],
    ["…but not other verbs", u("bob", "readers"), res("delete", "", "pods", { namespace: "x", name: "p" }), false],
    ["…nor other groups' resources", u("bob", "readers"), res("get", "apps", "pods"), false],
    ["a named subresource is its own resource", u("bob", "readers"), res("get", "", "pods", { subresource: "log", name: "p", namespace: "x" }), true],
    ["an unnamed subresource is not granted", u("bob", "readers"), res("get", "", "pods", { subresource: "exec", name: "p", namespace: "x" }), false],
    ["nonResourceURLs match exactly", u("bob", "readers"), path("get", "/metrics"), true],
    ["nonResourceURLs match a trailing * as a prefix", u("bob", "readers"), path("get", "/debug/pprof/heap"), true],
    ["a non-resource rule grants no other path", u("bob", "readers"), path("get", "/metricsx"), false],
    ["*/status matches any resource's status", u("stat"), res("patch", "apps", "deployments", { subresource: "status", name: "d", namespace: "n" }), true],
    ["*/status does not match the main resource", u("stat"), res("patch", "apps", "deployments", { name: "d", namespace: "n" }), false],
    ["resourceNames restrict to those names", u("carol", "ops"), res("patch", "apps", "deployments", { subresource: "scale", name: "web", namespace: "shop" }), true, 'RBAC: allowed by RoleBinding "scalers/shop" of ClusterRole "scaler" to Group "ops"'],
    ["…and refuse others", u("carol", "ops"), res("patch", "apps", "deployments", { subresource: "scale", name: "api", namespace: "shop" }), false],
    ["a RoleBinding grants only in its namespace", u("carol", "ops"), res("patch", "apps", "deployments", { subresource: "scale", name: "web", namespace: "other" }), false],
    ["a RoleBinding to a Role, by User", u("owner"), res("create", "eastwest.dev", "failoverdrills", { namespace: "shop" }), true],
    ["a RoleBinding grants nothing cluster-wide", u("owner"), res("list", "eastwest.dev", "failoverdrills"), false],
    ["a ServiceAccount subject defaults to the binding's namespace", u("system:serviceaccount:shop:runner"), res("delete", "eastwest.dev", "failoverdrills", { namespace: "shop", name: "d" }), true],
    ["…and no other namespace's account", u("system:serviceaccount:other:runner"), res("delete", "eastwest.dev", "failoverdrills", { namespace: "shop", name: "d" }), false],
    ["impersonate is a verb like any other", u("imp"), res("impersonate", "", "users", { name: "alice" }), true],
    ["…restricted by resourceNames", u("imp"), res("impersonate", "", "users", { name: "root" }), false],
    ["a binding to a missing role is reported", u("lost"), res("get", "", "pods"), false, 'RBAC: clusterroles.rbac.authorization.k8s.io "no-such-role" not found'],
    ["an unbound user gets nothing and no reason", u("nobody"), res("get", "", "pods", { namespace: "shop" }), false, ""],
  ];
  it.each(cases)("%s", (_name, who, attributes, allowed, reason) => {
    const decision = authorize(source, who, attributes);
    expect(decision.allowed).toBe(allowed);
    if (reason !== undefined) expect(decision.reason).toBe(reason);
  });
});
