// Builders for the registry's pure tests: turn planned objects into "observed" live objects, as if applied.
// Not a test file itself; imported by the *.test.ts files of lib/registry.
import { SOURCE_CLUSTERS_ANNOTATION, type DesiredObject } from "@/lib/plan/desired";
import type { PlanResult } from "@/lib/plan/plan";
import { REGISTRY_MANAGER_ENTRY } from "./ownership";
import type { ObservedCluster, ObservedObject } from "./types";

let counter = 0;

export function live(d: DesiredObject, overrides: Partial<ObservedObject> = {}): ObservedObject {
  counter++;
  return {
    kind: d.kind,
    namespace: d.metadata.namespace,
    name: d.metadata.name,
    uid: `uid-${counter}`,
    resourceVersion: String(counter),
    creationTimestamp: "2026-01-01T00:00:00Z",
    labels: { ...d.metadata.labels },
    annotations: { ...d.metadata.annotations },
    spec: JSON.parse(JSON.stringify(d.spec)) as unknown,
    managers: [REGISTRY_MANAGER_ENTRY],
    ...overrides,
  };
}

/** Every cluster of the plan, observed exactly as planned (fresh). */
export function converged(plan: PlanResult): ObservedCluster[] {
  return Object.entries(plan.clusters).map(([name, objects]) => ({ name, stale: false, objects: objects.map((o) => live(o)) }));
}

export function withSources(o: ObservedObject, sources: string): ObservedObject {
  return { ...o, annotations: { ...o.annotations, [SOURCE_CLUSTERS_ANNOTATION]: sources } };
}
