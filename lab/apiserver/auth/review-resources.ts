// The create-only review resources the lab serves (never stored): where they live, for routing and discovery.
// Upstream lists them in discovery with the single verb "create", so `kubectl api-resources` shows them.

export interface ReviewResource {
  group: string;
  version: string;
  resource: "selfsubjectaccessreviews" | "selfsubjectreviews";
  kind: string;
}

export const REVIEW_RESOURCES: ReviewResource[] = [
  { group: "authentication.k8s.io", version: "v1", resource: "selfsubjectreviews", kind: "SelfSubjectReview" },
  { group: "authorization.k8s.io", version: "v1", resource: "selfsubjectaccessreviews", kind: "SelfSubjectAccessReview" },
];

export function reviewDiscoveryEntries(group: string, version: string): Array<Record<string, unknown>> {
  return REVIEW_RESOURCES.filter((r) => r.group === group && r.version === version).map((r) => ({
    name: r.resource, singularName: r.kind.toLowerCase(), namespaced: false, kind: r.kind, verbs: ["create"],
  }));
}
