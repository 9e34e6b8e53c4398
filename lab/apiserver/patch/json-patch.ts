// application/json-patch+json (RFC 6902) with the behaviour of gopkg.in/evanphx/json-patch.v4, which the apiserver
// uses: negative array indices count from the end, "replace" of a missing object key adds it (v4 quirk), and a
// failure is returned as NewGenericServerResponse(422): reason Invalid with a fixed message — the library's own
// text ("testing value /x failed: test failed") never reaches the client.
import { deepEqual } from "../object-util";
import { badRequest, statusError } from "../status";
import type { StatusError } from "../types";
import { isRecord } from "./schema";

export interface JsonPatchOp {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
  hasValue: boolean;
}

const MAX_OPERATIONS = 10000;

/** Parses the body; anything but a JSON array of objects → 400, as the default fieldValidation=Warn decode says. */
export function parseJsonPatch(body: string): JsonPatchOp[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (err) {
    throw badRequest(`error decoding patch: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!Array.isArray(parsed)) {
    const what = isRecord(parsed) ? "object" : parsed === null ? "null" : typeof parsed;
    throw badRequest(`error decoding patch: json: cannot unmarshal ${what} into Go value of type []handlers.jsonPatchOp`);
  }
  if (parsed.length > MAX_OPERATIONS) {
    const message = `Request entity too large: The allowed maximum operations in a JSON patch is ${MAX_OPERATIONS}, got ${parsed.length}`;
    throw statusError(413, "RequestEntityTooLarge", message);
  }
  return parsed.map((item) => {
    if (!isRecord(item)) throw badRequest("error decoding patch: json: cannot unmarshal into Go value of type handlers.jsonPatchOp");
    return {
      op: typeof item.op === "string" ? item.op : "unknown",
      path: typeof item.path === "string" ? item.path : "",
      ...(typeof item.from === "string" ? { from: item.from } : {}),
      value: item.value,
      hasValue: "value" in item,
    };
  });
}

/** What the library said (err.message) is dropped upstream (isUnexpectedResponse=false), and so here. */
export function jsonPatchFailed(): StatusError {
  return statusError(422, "Invalid", "the server rejected our request due to an error in our request", {});
}

class PatchFailure extends Error {}

type Container = Record<string, unknown> | unknown[];

function decodeToken(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** findObject: the container holding the last token, or undefined when a parent is missing. */
function findParent(doc: unknown, path: string): { parent: Container; key: string } | undefined {
  const parts = path.split("/");
  if (parts.length < 2) return undefined;
  let current: unknown = doc;
  for (const part of parts.slice(1, -1)) {
    current = getChild(current, decodeToken(part));
    if (!Array.isArray(current) && !isRecord(current)) return undefined;
  }
  if (!Array.isArray(current) && !isRecord(current)) return undefined;
  return { parent: current, key: decodeToken(parts[parts.length - 1] ?? "") };
}

function arrayIndex(array: unknown[], key: string, extra: number): number {
  if (!/^-?\d+$/.test(key)) throw new PatchFailure(`strconv.Atoi: parsing "${key}": invalid syntax`);
  let index = Number(key);
  const size = array.length + extra;
  if (index >= size || index < -size) throw new PatchFailure(`Unable to access invalid index: ${index}`);
  if (index < 0) index += size;
  return index;
}

function getChild(container: unknown, key: string): unknown {
  if (Array.isArray(container)) {
    try {
      return container[arrayIndex(container, key, 0)];
    } catch {
      return undefined;
    }
  }
  return isRecord(container) ? container[key] : undefined;
}

function getStrict(parent: Container, key: string): unknown {
  return Array.isArray(parent) ? parent[arrayIndex(parent, key, 0)] : parent[key];
}

function add(parent: Container, key: string, value: unknown): void {
  if (!Array.isArray(parent)) {
    parent[key] = value;
  } else if (key === "-") {
    parent.push(value);
  } else {
    parent.splice(arrayIndex(parent, key, 1), 0, value);
  }
}

function remove(parent: Container, key: string): void {
  if (Array.isArray(parent)) {
    parent.splice(arrayIndex(parent, key, 0), 1);
  } else {
    if (!(key in parent)) throw new PatchFailure(`Unable to remove nonexistent key: ${key}: missing value`);
    delete parent[key];
  }
}

function located(doc: unknown, path: string, op: string): { parent: Container; key: string } {
  const found = findParent(doc, path);
  if (!found) throw new PatchFailure(`${op} operation does not apply: doc is missing path: ${path}: missing value`);
  return found;
}

function applyOp(doc: unknown, op: JsonPatchOp): void {
  switch (op.op) {
    case "add": {
      const { parent, key } = located(doc, op.path, "add");
      add(parent, key, structuredClone(op.value ?? null));
      return;
    }
    case "remove": {
      const { parent, key } = located(doc, op.path, "remove");
      remove(parent, key);
      return;
    }
    case "replace": {
      const { parent, key } = located(doc, op.path, "replace");
      if (Array.isArray(parent)) parent[arrayIndex(parent, key, 0)] = structuredClone(op.value ?? null);
      else parent[key] = structuredClone(op.value ?? null);
      return;
    }
    case "move":
    case "copy": {
      const from = located(doc, op.from ?? "", op.op);
      const value = structuredClone(getStrict(from.parent, from.key));
      if (op.op === "move") remove(from.parent, from.key);
      const to = located(doc, op.path, op.op);
      add(to.parent, to.key, value);
      return;
    }
    case "test": {
      const { parent, key } = located(doc, op.path, "test");
      const actual = getChild(parent, key);
      const expected = op.hasValue ? op.value : undefined;
      if (actual === undefined ? expected !== undefined && expected !== null : !deepEqual(actual, expected)) {
        throw new PatchFailure(`testing value ${op.path} failed: test failed`);
      }
      return;
    }
    default:
      throw new PatchFailure(`Unexpected kind: ${op.op}: unknown object type`);
  }
}

/** Applies the operations in order to a copy of `doc`; any failure → 422 Invalid. */
export function applyJsonPatch(doc: Record<string, unknown>, ops: JsonPatchOp[]): unknown {
  const working = structuredClone(doc);
  try {
    for (const op of ops) applyOp(working, op);
  } catch (err) {
    if (err instanceof PatchFailure) throw jsonPatchFailed();
    throw err;
  }
  return working;
}
