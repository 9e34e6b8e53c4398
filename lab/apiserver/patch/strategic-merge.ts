// application/strategic-merge-patch+json for built-in kinds (k8s.io/apimachinery/pkg/util/strategicpatch):
// maps merge, null deletes, lists with a patchMergeKey merge item by item, `$patch: replace|delete` directives on
// maps and list items, `$deleteFromPrimitiveList/<field>`, `$retainKeys`, `$setElementOrder/<field>` (honoured for
// ordering). Lists without a patch strategy are replaced, as upstream does.
import { deepEqual } from "../object-util";
import { childPath, isRecord } from "./schema";

type Strategy = { kind: "replace" } | { kind: "merge-key"; key: string } | { kind: "merge-primitive" };

const NAME_KEYED = new Set(["containers", "initContainers", "ephemeralContainers", "volumes", "env", "imagePullSecrets"]);
const KEYED: Record<string, string> = {
  volumeMounts: "mountPath", volumeDevices: "devicePath", conditions: "type", hostAliases: "ip",
  topologySpreadConstraints: "topologyKey", ownerReferences: "uid",
};

/** The patchStrategy/patchMergeKey of the built-in API types' lists the lab serves. */
export function listStrategy(dotted: string): Strategy {
  const parts = dotted.split(".");
  const last = parts[parts.length - 1] ?? "";
  const parent = parts[parts.length - 2] ?? "";
  if (dotted === "metadata.finalizers") return { kind: "merge-primitive" };
  if (NAME_KEYED.has(last)) return { kind: "merge-key", key: "name" };
  const keyed = KEYED[last];
  if (keyed) return { kind: "merge-key", key: keyed };
  if (last === "ports" && (parent === "containers" || parent === "initContainers")) return { kind: "merge-key", key: "containerPort" };
  if (dotted === "spec.ports") return { kind: "merge-key", key: "port" };
  return { kind: "replace" };
}

const DIRECTIVE = "$patch";
const RETAIN_KEYS = "$retainKeys";
const SET_ORDER = "$setElementOrder/";
const DELETE_PRIMITIVE = "$deleteFromPrimitiveList/";

/** Returns the patched map, or undefined when the patch deletes it (`$patch: delete`). */
export function strategicMerge(original: unknown, patch: Record<string, unknown>, dotted = ""): Record<string, unknown> | undefined {
  const directive = patch[DIRECTIVE];
  if (directive === "delete") return undefined;
  const base: Record<string, unknown> = directive === "replace" || !isRecord(original) ? {} : { ...original };
  retainKeys(base, patch[RETAIN_KEYS]);
  for (const [key, value] of Object.entries(patch)) {
    if (key === DIRECTIVE || key === RETAIN_KEYS || key.startsWith(SET_ORDER)) continue;
    if (key.startsWith(DELETE_PRIMITIVE)) {
      const field = key.slice(DELETE_PRIMITIVE.length);
      const list = base[field];
      if (Array.isArray(list) && Array.isArray(value)) base[field] = list.filter((item) => !value.some((v) => deepEqual(v, item)));
      continue;
    }
    const merged = mergeValue(base[key], value, childPath(dotted, key));
    if (merged === undefined) delete base[key];
    else base[key] = merged;
  }
  for (const [key, order] of Object.entries(patch)) {
    if (!key.startsWith(SET_ORDER) || !Array.isArray(order)) continue;
    const field = key.slice(SET_ORDER.length);
    const list = base[field];
    if (Array.isArray(list)) base[field] = reorder(list, order, listStrategy(childPath(dotted, field)));
  }
  return base;
}

function retainKeys(base: Record<string, unknown>, keys: unknown): void {
  if (!Array.isArray(keys)) return;
  for (const key of Object.keys(base)) if (!keys.includes(key)) delete base[key];
}

function mergeValue(original: unknown, value: unknown, dotted: string): unknown {
  if (value === null) return undefined;
  if (isRecord(value)) return strategicMerge(original, value, dotted);
  if (Array.isArray(value)) return mergeList(Array.isArray(original) ? original : [], value, dotted);
  return value;
}

function mergeList(original: unknown[], patch: unknown[], dotted: string): unknown[] {
  const strategy = listStrategy(dotted);
  if (strategy.kind === "replace") return patch.map((item) => clean(item, dotted));
  if (strategy.kind === "merge-primitive") {
    return [...original, ...patch.filter((item) => !original.some((o) => deepEqual(o, item)))];
  }
  const key = strategy.key;
  if (patch.some((item) => isRecord(item) && item[DIRECTIVE] === "replace")) {
    return patch.filter((item) => !(isRecord(item) && item[DIRECTIVE] === "replace")).map((item) => clean(item, dotted));
  }
  let result = [...original];
  for (const item of patch) {
    if (!isRecord(item)) continue;
    const index = result.findIndex((o) => isRecord(o) && deepEqual(o[key], item[key]));
    if (item[DIRECTIVE] === "delete") {
      result = result.filter((o) => !(isRecord(o) && deepEqual(o[key], item[key])));
    } else if (index >= 0) {
      result[index] = strategicMerge(result[index], item, dotted) ?? result[index];
    } else {
      result.push(clean(item, dotted));
    }
  }
  return result;
}

/** A new value taken from the patch, with its directives applied against nothing. */
function clean(value: unknown, dotted: string): unknown {
  return isRecord(value) ? (strategicMerge({}, value, dotted) ?? {}) : value;
}

function reorder(list: unknown[], order: unknown[], strategy: Strategy): unknown[] {
  const identify = (item: unknown): unknown => (strategy.kind === "merge-key" && isRecord(item) ? item[strategy.key] : item);
  const wanted = order.map((o) => (strategy.kind === "merge-key" && isRecord(o) ? o[strategy.key] : o));
  const rank = (item: unknown) => {
    const index = wanted.findIndex((w) => deepEqual(w, identify(item)));
    return index < 0 ? wanted.length : index;
  };
  return [...list].sort((a, b) => rank(a) - rank(b));
}
