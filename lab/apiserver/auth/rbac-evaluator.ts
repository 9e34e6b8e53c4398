// The RBAC authorizer (plugin/pkg/auth/authorizer/rbac): a request is allowed when any ClusterRoleBinding, or any
// RoleBinding in the request's namespace, binds the user (or one of its groups, or its service account) to a role
// with a rule that allows it. RBAC never denies: no match is "no opinion", which the apiserver turns into 403.
// A binding whose role is missing grants nothing and is reported in the reason, as upstream does.
import { ANONYMOUS_USER, MASTERS_GROUP, type Attributes, type UserInfo } from "./identity";
import { bindingOf, rulesOf, type Binding, type RbacSource, type Subject } from "./rbac-objects";
import { ruleAllows } from "./rule-match";

export interface Decision {
  allowed: boolean;
  /** "RBAC: allowed by …" when allowed; missing roles when not; empty when nothing applied. */
  reason: string;
}

const SA_PREFIX = "system:serviceaccount:";

function subjectApplies(subject: Subject, user: UserInfo, bindingNamespace: string): boolean {
  if (subject.kind === "User") return subject.name === user.name;
  if (subject.kind === "Group") return user.groups.includes(subject.name);
  if (subject.kind === "ServiceAccount") return user.name === `${SA_PREFIX}${subject.namespace || bindingNamespace}:${subject.name}`;
  return false;
}

function describeSubject(subject: Subject, bindingNamespace: string): string {
  if (subject.kind === "ServiceAccount") return `${subject.kind} "${subject.name}/${subject.namespace || bindingNamespace}"`;
  return `${subject.kind} "${subject.name}"`;
}

function describeBinding(binding: Binding, subject: Subject): string {
  const ns = binding.metadata.namespace;
  const kind = ns ? "RoleBinding" : "ClusterRoleBinding";
  const name = ns ? `${binding.metadata.name}/${ns}` : binding.metadata.name;
  return `${kind} "${name}" of ${binding.roleRef.kind} "${binding.roleRef.name}" to ${describeSubject(subject, ns ?? "")}`;
}

type Visit = { allowedBy: string } | { missing: string } | undefined;

function visit(source: RbacSource, binding: Binding, user: UserInfo, attributes: Attributes): Visit {
  const ns = binding.metadata.namespace ?? "";
  const subject = (binding.subjects ?? []).find((s) => subjectApplies(s, user, ns));
  if (!subject) return undefined;
  const { kind, name } = binding.roleRef;
  // A RoleBinding may name a Role of its own namespace or a ClusterRole; a ClusterRoleBinding only a ClusterRole.
  const role = kind === "Role" && ns ? source.role(ns, name) : kind === "ClusterRole" ? source.clusterRole(name) : undefined;
  if (!role) return { missing: kind === "Role" ? `roles.rbac.authorization.k8s.io "${name}" not found` : `clusterroles.rbac.authorization.k8s.io "${name}" not found` };
  return rulesOf(role).some((rule) => ruleAllows(rule, attributes)) ? { allowedBy: describeBinding(binding, subject) } : undefined;
}

function bindingsFor(source: RbacSource, attributes: Attributes): Binding[] {
  const objects = [...source.clusterRoleBindings()];
  if (attributes.resourceRequest && attributes.namespace) objects.push(...source.roleBindings(attributes.namespace));
  return objects.map(bindingOf).filter((b): b is Binding => b !== undefined);
}

/** utilerrors.NewAggregate(...).Error(): one message alone, several in brackets. */
function aggregate(messages: string[]): string {
  return messages.length === 1 ? (messages[0] ?? "") : `[${messages.join(", ")}]`;
}

export function authorize(source: RbacSource, user: UserInfo, attributes: Attributes): Decision {
  // The privileged-group authorizer runs before RBAC: system:masters may do anything, with no reason given.
  if (user.groups.includes(MASTERS_GROUP) && user.name !== ANONYMOUS_USER) return { allowed: true, reason: "" };
  const missing: string[] = [];
  for (const binding of bindingsFor(source, attributes)) {
    const result = visit(source, binding, user, attributes);
    if (result && "allowedBy" in result) return { allowed: true, reason: `RBAC: allowed by ${result.allowedBy}` };
    if (result) missing.push(result.missing);
  }
  return { allowed: false, reason: missing.length > 0 ? `RBAC: ${aggregate(missing)}` : "" };
}
