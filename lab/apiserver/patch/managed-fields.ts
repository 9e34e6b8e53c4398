// metadata.managedFields decoded into one field set per manager identity, and encoded back the way upstream
// writes them. Identity (BuildManagerIdentifier): manager + operation + subresource, plus apiVersion for Update
// entries only (an applier keeps one entry whatever version it applies with); time is never part of it.
import type { KubeObject, ManagedFieldsEntry } from "../types";
import { isEmpty, union, type FieldSet } from "./field-set";
import { decodeFieldsV1, encodeFieldsV1 } from "./fields-v1";
import { isRecord } from "./schema";

export interface ManagerSet {
  manager: string;
  operation: "Apply" | "Update";
  apiVersion: string;
  time?: string;
  subresource?: string;
  set: FieldSet;
}

export function identity(entry: Pick<ManagerSet, "manager" | "operation" | "apiVersion" | "subresource">): string {
  const version = entry.operation === "Update" ? entry.apiVersion : "";
  return JSON.stringify([entry.manager, entry.operation, version, entry.subresource ?? ""]);
}

function decodeEntry(raw: unknown): ManagerSet | undefined {
  if (!isRecord(raw)) return undefined;
  const { manager, operation, apiVersion, time, fieldsType, fieldsV1, subresource } = raw;
  if (typeof manager !== "string" || (operation !== "Apply" && operation !== "Update")) return undefined;
  if (typeof apiVersion !== "string" || (fieldsType !== undefined && fieldsType !== "FieldsV1")) return undefined;
  if (time !== undefined && typeof time !== "string") return undefined;
  if (subresource !== undefined && typeof subresource !== "string") return undefined;
  const set = decodeFieldsV1(fieldsV1 ?? {});
  if (!set) return undefined;
  return { manager, operation, apiVersion, set, ...(time ? { time } : {}), ...(subresource ? { subresource } : {}) };
}

/**
 * Decodes managedFields; undefined when any entry is malformed (upstream then starts from empty managed fields
 * rather than failing the write). Entries sharing an identity are merged.
 */
export function decodeManagedFields(raw: unknown): ManagerSet[] | undefined {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) return undefined;
  const byIdentity = new Map<string, ManagerSet>();
  for (const item of raw) {
    const entry = decodeEntry(item);
    if (!entry) return undefined;
    const key = identity(entry);
    const previous = byIdentity.get(key);
    byIdentity.set(key, previous ? { ...previous, set: union(previous.set, entry.set) } : entry);
  }
  return [...byIdentity.values()];
}

/** The live object's managed fields, or none when they cannot be decoded. */
export function liveManagedFields(object: KubeObject | undefined): ManagerSet[] {
  return decodeManagedFields(object?.metadata.managedFields) ?? [];
}

export function seconds(time: string | undefined): number {
  const parsed = time ? Date.parse(time) : NaN;
  return Number.isNaN(parsed) ? 0 : Math.floor(parsed / 1000);
}

// sortEncodedManagedFields: Apply before Update, then oldest first, then manager, apiVersion, subresource.
function compareEntries(p: ManagerSet, q: ManagerSet): number {
  if (p.operation !== q.operation) return p.operation < q.operation ? -1 : 1;
  const dt = seconds(p.time) - seconds(q.time);
  if (dt !== 0) return dt;
  for (const [a, b] of [[p.manager, q.manager], [p.apiVersion, q.apiVersion], [p.subresource ?? "", q.subresource ?? ""]]) {
    if (a !== b) return (a ?? "") < (b ?? "") ? -1 : 1;
  }
  return 0;
}

/** Encodes, dropping managers left with nothing, in upstream's order and field order. */
export function encodeManagedFields(sets: ManagerSet[]): ManagedFieldsEntry[] {
  return sets
    .filter((entry) => !isEmpty(entry.set))
    .sort(compareEntries)
    .map((entry) => {
      const encoded: ManagedFieldsEntry = {
        manager: entry.manager,
        operation: entry.operation,
        apiVersion: entry.apiVersion,
        time: entry.time ?? "",
        fieldsType: "FieldsV1",
        fieldsV1: encodeFieldsV1(entry.set),
      };
      if (!entry.time) delete (encoded as Partial<ManagedFieldsEntry>).time;
      if (entry.subresource) encoded.subresource = entry.subresource;
      return encoded;
    });
}
