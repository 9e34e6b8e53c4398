import { internString, internStrings, type InternTable } from "@/lib/fleet/intern-strings";
import { sharedRecord, type RecordTable } from "@/lib/fleet/shared-records";
import type { CachedObject, ManagerEntry } from "@/lib/fleet/snapshot-types";
import { CONTENT_HASH_ANNOTATION } from "@/lib/plan/desired";
import { REGISTRY_KINDS } from "@/lib/registry/types";

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

type RawObject = { metadata?: Record<string, unknown> & { annotations?: Record<string, string> } } & Record<string, unknown>;

// Most objects share their list of writers (every generated object: `eastwest-registry/Apply`), so the compact
// lists are interned: an object holds one pointer to a shared frozen array. The table is capped, since manager
// names are chosen by clients: past the cap, lists are simply not shared.
const INTERN_CAP = 1024;
const interned = new Map<string, readonly ManagerEntry[]>();

/**
 * managedFields reduced to who wrote the object. The field sets (fieldsV1) are most of an object's size and the
 * console reads none of them; the manager names are the field-manager part of the registry's ownership proof.
 */
function compactManagers(raw: unknown): readonly ManagerEntry[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const entries: ManagerEntry[] = [];
  for (const e of raw as unknown[]) {
    const { manager, operation } = (typeof e === "object" && e !== null ? e : {}) as { manager?: unknown; operation?: unknown };
    if (typeof manager === "string") entries.push({ manager, operation: typeof operation === "string" ? operation : "" });
  }
  if (entries.length === 0) return undefined;
  const key = entries.map((e) => `${e.manager}\u0000${e.operation}`).join("\u0001");
  const shared = interned.get(key);
  if (shared) return shared;
  const list = Object.freeze(entries.map((e) => Object.freeze(e)));
  if (interned.size < INTERN_CAP) interned.set(key, list);
  return list;
}

/**
 * An informer's table of shared strings (intern-strings.ts) holds at most this many; past it, it starts over, so
 * strings only one object had (its addresses, hosts) are not kept for the cache's life. Objects already cached
 * keep the copies they share.
 */
export const SHARED_STRINGS_CAP = 5_000;

/** Annotations whose value is each object's own (the console's content hash): sharing them would only churn the table. */
const OWN_ANNOTATIONS: ReadonlySet<string> = new Set([CONTENT_HASH_ANNOTATION]);

/**
 * Shares equal strings among the objects one informer caches: the generated ServiceEntries and WorkloadEntries
 * repeat label values, annotations, hosts, addresses and ports across tens of thousands of objects, and JSON.parse
 * makes a copy of each. The name, uid and resourceVersion are each object's own and are left out.
 */
function shareStrings(object: Record<string, unknown>, metadata: Record<string, unknown>, table: InternTable): void {
  if (table.size > SHARED_STRINGS_CAP) table.clear();
  for (const key in object) if (key !== "metadata") internStrings(object[key], table);
  if (typeof object.apiVersion === "string") object.apiVersion = internString(object.apiVersion, table);
  internStrings(metadata.labels, table);
  internStrings(metadata.annotations, table, OWN_ANNOTATIONS);
  if (typeof metadata.namespace === "string") metadata.namespace = internString(metadata.namespace, table);
  // Seconds-resolution: every object created in the same second (hundreds while the registry converges) shares one.
  if (typeof metadata.creationTimestamp === "string") metadata.creationTimestamp = internString(metadata.creationTimestamp, table);
}

/**
 * Kinds whose spec and annotations are shared among clusters (shared-records.ts): the registry places one planned
 * object in several clusters, so each arrives once per cluster with the same spec, labels and annotations (its
 * content hash included). Every kind's labels are shared: the pods of one ReplicaSet carry the same ones.
 */
const PLACED_KINDS: ReadonlySet<string> = new Set(REGISTRY_KINDS);

/**
 * Replaces the object's labels (and, of a placed kind, its spec and annotations) with the fleet's frozen copy of
 * an equal part, or makes its own the copy later objects share. Frozen parts are not walked again by shareStrings.
 */
function shareParts(object: Record<string, unknown>, metadata: Record<string, unknown>, kind: string, records: RecordTable, strings: InternTable | undefined): void {
  // Only keys the object has are assigned: a key added to a parsed object would change its shape (see slimMetadata).
  if (metadata.labels !== undefined) metadata.labels = sharedRecord(metadata.labels, records, strings);
  if (!PLACED_KINDS.has(kind)) return;
  if (object.spec !== undefined) object.spec = sharedRecord(object.spec, records, strings);
  if (metadata.annotations !== undefined) metadata.annotations = sharedRecord(metadata.annotations, records, strings, OWN_ANNOTATIONS);
}

/** `annotations` without kubectl's last-applied copy of the whole object; undefined when nothing else is left. */
function withoutLastApplied(annotations: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!annotations || !(LAST_APPLIED in annotations)) return annotations;
  const { [LAST_APPLIED]: _lastApplied, ...others } = annotations;
  void _lastApplied;
  return Object.keys(others).length > 0 ? others : undefined;
}

/**
 * The metadata the cache keeps. JSON.parse made the parsed metadata compact (every property inside the object, no
 * slack), and assigning a key it already has keeps it so: it is slimmed in place. A copy is grown key by key once
 * its site has seen many shapes (V8 then stops cloning the layout), and keeps its keys past the fourth in a second
 * array. 100,000 parsed WorkloadEntries as the registry writes them, through an informer's string table: 1,017
 * bytes retained per object copied as before 2026-12-06, 609 slimmed in place (items of a list: 1,321 and 634).
 * A key to drop (an empty managedFields, nothing left of the annotations) is rare: that metadata is a copy without
 * it, since `delete` would switch the object to slower, larger dictionary mode.
 */
function slimMetadata(meta: NonNullable<RawObject["metadata"]>): Record<string, unknown> {
  const managedFields = compactManagers(meta.managedFields);
  const annotations = withoutLastApplied(meta.annotations);
  if ((managedFields || !("managedFields" in meta)) && (annotations || !("annotations" in meta))) {
    if (managedFields) meta.managedFields = managedFields;
    if (annotations) meta.annotations = annotations;
    return meta;
  }
  const { managedFields: _full, annotations: _original, ...rest } = meta;
  void [_full, _original];
  return { ...rest, ...(annotations ? { annotations } : {}), ...(managedFields ? { managedFields } : {}) };
}

/**
 * Drops what the console never reads but that dominates an object's size: the field sets of managedFields
 * (server-side apply bookkeeping; the writers' names stay, compactly) and kubectl's last-applied annotation (a
 * full copy of the object). Returns undefined for anything that is not an object with a name. Takes `raw` over:
 * an informer's freshly parsed object, slimmed in place (slimMetadata says why) and returned. (A projection of
 * Pods and Deployments to the fields the console reads was tried and measured: on lab pods it raised retained
 * heap per object from ~4.7 kB to ~5.3 kB, so objects stay whole.) With `strings`, the informer's table, the
 * object's equal strings are shared with its other objects' (shareStrings); with `records`, the fleet's table,
 * its equal parts with every cluster's objects (shareParts).
 */
export function slimObject(raw: unknown, kind: string, apiVersion: string, strings?: InternTable, records?: RecordTable): CachedObject | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const obj = raw as RawObject;
  const meta = obj.metadata;
  if (!meta || typeof meta.name !== "string") return undefined;
  const metadata = slimMetadata(meta);
  // Items of a list carry no kind/apiVersion (the list has them): filled in. The informer's own `kind` when they
  // are equal: one string, not one parsed copy per object.
  obj.apiVersion = typeof obj.apiVersion === "string" ? obj.apiVersion : apiVersion;
  obj.kind = typeof obj.kind === "string" && obj.kind !== kind ? obj.kind : kind;
  if (metadata !== meta) obj.metadata = metadata;
  if (records) shareParts(obj, metadata, kind, records, strings);
  if (strings) shareStrings(obj, metadata, strings);
  return obj as CachedObject;
}
