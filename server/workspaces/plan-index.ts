// One planned cluster's objects, indexed once per array: by id, counted per kind, and per service FQDN (the
// services annotation) the ServiceEntries and WorkloadEntries that carry it. The model keeps an unchanged
// cluster's array across plans (server/model/types.ts), so a preview reads these instead of walking the cluster.
import { objectId, SERVICES_ANNOTATION, SOURCE_CLUSTERS_ANNOTATION, type DesiredObject } from "@/lib/plan/desired";

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

function build(objects: readonly DesiredObject[]): ClusterIndex {
  const byId = new Map<string, DesiredObject>();
  const count = { ServiceEntry: 0, WorkloadEntry: 0 };
  const carrying = new Map<string, { se: DesiredObject[]; we: DesiredObject[] }>();
  for (const o of objects) {
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

/** The index of one cluster's planned objects; built once per array (plan arrays are never mutated). */
export function clusterIndex(objects: readonly DesiredObject[] | undefined): ClusterIndex {
  const key = objects ?? EMPTY;
  let found = indexes.get(key);
  if (!found) indexes.set(key, (found = build(key)));
  return found;
}

export const carryingIn = (index: ClusterIndex, fqdn: string): Carrying => index.carrying.get(fqdn) ?? NONE;
