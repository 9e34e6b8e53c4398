// Deep-freezing what the fleet model takes in and hands out (development and tests only), so a reader that
// mutates a shared snapshot, plan or state fails loudly at the mutation instead of corrupting every other
// reader's view. Maps and Sets cannot be frozen by Object.freeze (their entries live in internal slots), so their
// mutators are shadowed by ones that throw. An already-frozen object is not descended into: consecutive snapshots
// share most of their objects, so freezing a new one costs what is new in it.

function readOnly(name: string): () => never {
  return () => {
    throw new TypeError(`Cannot ${name} on a frozen collection`);
  };
}

function lockCollection(value: Map<unknown, unknown> | Set<unknown>): void {
  const mutators = value instanceof Map ? ["set", "delete", "clear"] : ["add", "delete", "clear"];
  for (const name of mutators) Object.defineProperty(value, name, { value: readOnly(name), enumerable: false });
}

/** Freezes `value` and everything reachable from it (objects, arrays, Map and Set entries); returns `value`. */
export function deepFreeze<T>(value: T): T {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === null || (typeof next !== "object" && typeof next !== "function") || Object.isFrozen(next)) continue;
    if (next instanceof Map) {
      for (const [k, v] of next) pending.push(k, v);
      lockCollection(next);
    } else if (next instanceof Set) {
      for (const v of next) pending.push(v);
      lockCollection(next);
    }
    // Children first would recurse; freezing the parent first is equivalent here since children are queued.
    Object.freeze(next);
    for (const key of Reflect.ownKeys(next)) pending.push((next as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}
