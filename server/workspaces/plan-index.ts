// One planned cluster's objects, indexed once per array: by id, counted per kind, and per service FQDN (the
// services annotation) the ServiceEntries and WorkloadEntries that carry it. The model keeps an unchanged
// cluster's array across plans (server/model/types.ts), so a preview reads these instead of walking the cluster.
import { objectId, SERVICES_ANNOTATION, SOURCE_CLUSTERS_ANNOTATION, type DesiredObject } from "@/lib/plan/desired";
import { drain, type Steps } from "@/lib/steps";

/** The kinds a preview's consequences speak of. */
export type MeshKind = "ServiceEntry" | "WorkloadEntry";

export type Carrying = { se: readonly DesiredObject[]; we: readonly DesiredObject[] };

export type ClusterIndex = {
  byId: ReadonlyMap<string, DesiredObject>;
  count: Readonly<Record<MeshKind, number>>;
  carrying: ReadonlyMap<string, Carrying>;
};

const NONE: Carrying = Object.freeze({ se: [], we: [] });

const split = (value: string | undefined) => (value ?? "").split(",").filter((s) => s !== "");
export const servicesOf = (o: DesiredObject): string[] => split(o.metadata.annotations[SERVICES_ANNOTATION]);
export const sourcesOf = (o: DesiredObject): string[] => split(o.metadata.annotations[SOURCE_CLUSTERS_ANNOTATION]);
export const isMesh = (o: DesiredObject): o is DesiredObject & { kind: MeshKind } => o.kind === "ServiceEntry" || o.kind === "WorkloadEntry";
/** The name a consequence lists: `namespace/name`. */
export const nameOf = (o: DesiredObject): string => `${o.metadata.namespace}/${o.metadata.name}`;

/** Objects indexed between two pauses of a sliced build (a cluster at 20 × 500 plans ~29,000). */
const STEP_OBJECTS = 2_048;

function* build(objects: readonly DesiredObject[]): Steps<ClusterIndex> {
  const byId = new Map<string, DesiredObject>();
  const count = { ServiceEntry: 0, WorkloadEntry: 0 };
  const carrying = new Map<string, { se: DesiredObject[]; we: DesiredObject[] }>();
  let seen = 0;
  for (const o of objects) {
    if (++seen % STEP_OBJECTS === 0) yield;
    byId.set(objectId(o), o);
    if (!isMesh(o)) continue;
    count[o.kind] += 1;
    for (const fqdn of servicesOf(o)) {
      let entry = carrying.get(fqdn);
      if (!entry) carrying.set(fqdn, (entry = { se: [], we: [] }));
      (o.kind === "ServiceEntry" ? entry.se : entry.we).push(o);
    }
  }
  return { byId, count, carrying };
}

const indexes = new WeakMap<readonly DesiredObject[], ClusterIndex>();
const EMPTY: readonly DesiredObject[] = Object.freeze([]);

/**
 * The index of one cluster's planned objects, in steps (lib/steps.ts); built once per array (plan arrays are never
 * mutated). A preview warms the clusters it reads with it, in slices of the event loop, before reading them.
 */
export function* clusterIndexSteps(objects: readonly DesiredObject[] | undefined): Steps<ClusterIndex> {
  const key = objects ?? EMPTY;
  let found = indexes.get(key);
  if (!found) indexes.set(key, (found = yield* build(key)));
  return found;
}

/** The index of one cluster's planned objects, built at once when not built yet (see clusterIndexSteps). */
export function clusterIndex(objects: readonly DesiredObject[] | undefined): ClusterIndex {
  return drain(clusterIndexSteps(objects));
}

export const carryingIn = (index: ClusterIndex, fqdn: string): Carrying => index.carrying.get(fqdn) ?? NONE;
