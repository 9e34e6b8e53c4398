// The store's one call into B's field-ownership engine: managedFields after a non-apply write.
import { trackUpdate } from "./patch/index";
import type { KubeObject, ResourceType, WriteOptions } from "./types";

export function withManagedFields(type: ResourceType, before: KubeObject | undefined, after: KubeObject, options: WriteOptions, now: string): void {
  if (options.keepManagedFields) return;
  const manager = options.fieldManager ?? "unknown";
  const entries = trackUpdate({ type, before, after, manager, subresource: options.subresource, now });
  if (entries.length > 0) after.metadata.managedFields = entries;
  else delete after.metadata.managedFields;
}
