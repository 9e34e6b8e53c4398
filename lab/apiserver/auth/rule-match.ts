// One PolicyRule against one request, as k8s.io/kubernetes/pkg/apis/rbac/v1/evaluation_helpers.go matches them:
// `*` matches any verb, group or resource; "*/<sub>" any resource's subresource; resourceNames empty = any name;
// nonResourceURLs match exactly or by a trailing `*` prefix. A rule has either resources or nonResourceURLs, so a
// resource rule never grants a path and the other way round.
import type { Attributes } from "./identity";
import type { PolicyRule } from "./rbac-objects";

const ALL = "*";

function verbMatches(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.some((v) => v === ALL || v === verb);
}

function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  return (rule.apiGroups ?? []).some((g) => g === ALL || g === group);
}

function resourceMatches(rule: PolicyRule, resource: string, subresource: string | undefined): boolean {
  const combined = subresource ? `${resource}/${subresource}` : resource;
  return (rule.resources ?? []).some((r) => r === ALL || r === combined || (subresource !== undefined && r === `*/${subresource}`));
}

function resourceNameMatches(rule: PolicyRule, name: string | undefined): boolean {
  const names = rule.resourceNames ?? [];
  if (names.length === 0) return true;
  return name !== undefined && names.includes(name);
}

function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  return (rule.nonResourceURLs ?? []).some((u) => u === ALL || u === path || (u.endsWith(ALL) && path.startsWith(u.slice(0, -1))));
}

export function ruleAllows(rule: PolicyRule, attributes: Attributes): boolean {
  if (!verbMatches(rule, attributes.verb)) return false;
  if (!attributes.resourceRequest) return nonResourceURLMatches(rule, attributes.path);
  return apiGroupMatches(rule, attributes.apiGroup) && resourceMatches(rule, attributes.resource, attributes.subresource) && resourceNameMatches(rule, attributes.name);
}
