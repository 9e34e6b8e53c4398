// The bridge from client-side to server-side apply for kubectl (fieldmanager's lastAppliedManager and
// lastAppliedUpdater): when the manager is "kubectl", conflicts over fields whose live values still equal the
// kubectl.kubernetes.io/last-applied-configuration annotation are allowed (the apply is forced for them), and
// the annotation is kept in step with what was applied, so `kubectl apply` then `kubectl apply --server-side` works.
import type { KubeObject } from "../types";
import { appliedFieldSet } from "./applied-set";
import { compare } from "./compare";
import { difference, union, type FieldSet } from "./field-set";
import { isRecord, type Schema } from "./schema";

export const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
export const KUBECTL = "kubectl";

function lastAppliedOf(object: KubeObject | Record<string, unknown> | undefined): string | undefined {
  const metadata = object?.metadata;
  if (!isRecord(metadata) || !isRecord(metadata.annotations)) return undefined;
  const value = metadata.annotations[LAST_APPLIED];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** Fields of the last client-side applied config whose live values are unchanged; undefined when there is none. */
export function allowedFromLastApplied(live: Record<string, unknown>, schema: Schema): FieldSet | undefined {
  const annotation = lastAppliedOf(live);
  if (!annotation) return undefined;
  let lastApplied: unknown;
  try {
    lastApplied = JSON.parse(annotation);
  } catch {
    return undefined;
  }
  if (!isRecord(lastApplied)) return undefined;
  const changed = compare(lastApplied, live, schema);
  return difference(appliedFieldSet(lastApplied, schema), union(changed.modified, changed.removed));
}

/** buildLastApplied: the applied config without the annotation itself, as JSON with a trailing newline. */
export function syncLastApplied(result: KubeObject, config: Record<string, unknown>): void {
  if (!lastAppliedOf(result)) return;
  const copy = structuredClone(config);
  if (isRecord(copy.metadata) && isRecord(copy.metadata.annotations)) delete copy.metadata.annotations[LAST_APPLIED];
  result.metadata.annotations = { ...result.metadata.annotations, [LAST_APPLIED]: `${JSON.stringify(copy)}\n` };
}
