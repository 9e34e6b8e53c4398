// Reading RBAC objects as stored: rules, subjects and roleRefs parsed leniently (a malformed stored object grants
// nothing, it never throws in the authorization path), and the store adapter the evaluator reads from.
import { z } from "zod";
import type { ClusterStore, KubeObject } from "../types";
import { RBAC_GROUP } from "./rbac-types";

const list = z.array(z.string()).catch([]);

export const policyRuleSchema = z.object({
  verbs: list,
  apiGroups: list.optional(),
  resources: list.optional(),
  resourceNames: list.optional(),
  nonResourceURLs: list.optional(),
});
export type PolicyRule = z.infer<typeof policyRuleSchema>;

export const subjectSchema = z.object({ kind: z.string(), name: z.string(), namespace: z.string().optional(), apiGroup: z.string().optional() });
export type Subject = z.infer<typeof subjectSchema>;

const bindingSchema = z.object({
  metadata: z.object({ name: z.string(), namespace: z.string().optional() }),
  subjects: z.array(subjectSchema).catch([]).optional(),
  roleRef: z.object({ kind: z.string(), name: z.string() }),
});
export type Binding = z.infer<typeof bindingSchema>;

export function rulesOf(role: KubeObject): PolicyRule[] {
  const parsed = z.array(policyRuleSchema.catch({ verbs: [] })).safeParse(role.rules ?? []);
  return parsed.success ? parsed.data : [];
}

export function bindingOf(object: KubeObject): Binding | undefined {
  const parsed = bindingSchema.safeParse(object);
  return parsed.success ? parsed.data : undefined;
}

/** What the evaluator reads: bindings and the roles they name, as the RBAC authorizer's listers give them. */
export interface RbacSource {
  clusterRoleBindings(): readonly KubeObject[];
  roleBindings(namespace: string): readonly KubeObject[];
  clusterRole(name: string): KubeObject | undefined;
  role(namespace: string, name: string): KubeObject | undefined;
}

/** The RBAC objects of one cluster's store (read without copying: the evaluator only reads). */
export function storeRbacSource(store: ClusterStore): RbacSource {
  const type = (kind: string) => store.types.byKind(RBAC_GROUP, kind);
  const peek = (kind: string, namespace?: string) => {
    const t = type(kind);
    return t ? store.peek(t, namespace) : [];
  };
  const get = (kind: string, namespace: string | undefined, name: string) => {
    const t = type(kind);
    return t ? store.peek(t, namespace).find((o) => o.metadata.name === name) : undefined;
  };
  return {
    clusterRoleBindings: () => peek("ClusterRoleBinding"),
    roleBindings: (namespace) => peek("RoleBinding", namespace),
    clusterRole: (name) => get("ClusterRole", undefined, name),
    role: (namespace, name) => get("Role", namespace, name),
  };
}
