// The part of typed conversion (YAMLToTyped) that can fail for the lab's schema hints: an item of a map list that
// lacks a key field, or two items with the same key. Upstream fails the apply with a plain error, which the
// apiserver answers as 500 with the raw message ("failed to create typed patch object (ns/name; g/v, Kind=K): …").
import { StatusError } from "../types";
import { renderElement } from "./fields-v1";
import { childPath, isRecord, itemElement, itemKey, type Schema } from "./schema";

export function associativeListErrors(value: unknown, schema: Schema, path = "", dotted = ""): string[] {
  if (isRecord(value)) {
    return Object.entries(value).flatMap(([key, child]) => associativeListErrors(child, schema, `${path}.${key}`, childPath(dotted, key)));
  }
  if (!Array.isArray(value)) return [];
  const listKind = schema.listKind(dotted);
  if (listKind.kind !== "map") return [];
  const errors: string[] = [];
  const seen = new Set<string>();
  value.forEach((item, index) => {
    if (!itemKey(item, listKind.keys)) {
      const missing = listKind.keys.find((k) => !isRecord(item) || item[k] === undefined) ?? listKind.keys[0] ?? "";
      errors.push(`${path}: element ${index}: associative list with keys has an element that omits key field ${JSON.stringify(missing)} (and doesn't have default value)`);
      return;
    }
    const element = itemElement(item, listKind.keys, index);
    if (seen.has(element)) errors.push(`${path}: duplicate entries for key ${renderElement(element)}`);
    seen.add(element);
    errors.push(...associativeListErrors(item, schema, `${path}${renderElement(element)}`, dotted));
  });
  return errors;
}

/** ValidationErrors.Error(): one error as is, several as "errors:" and indented lines. */
export function typedPatchError(object: string, errors: string[]): StatusError {
  const detail = errors.length === 1 ? errors[0] : ["errors:", ...errors.map((e) => `  ${e}`)].join("\n");
  const message = `failed to create typed patch object (${object}): ${detail}`;
  return new StatusError({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, code: 500 });
}
