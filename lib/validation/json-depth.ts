// How deep a JSON value nests, measured without recursion. Live objects come from clusters the console does not
// control: a WorkspaceSetting 700 levels deep overflowed the stack in the recursive YAML, diff and merge code.
// Anything walked recursively is checked here first, at its entry, and refused above MAX_JSON_DEPTH.
import { MAX_JSON_DEPTH } from "./limits";

/**
 * Whether `value` nests more than `max` levels of objects/arrays (a scalar is depth 0, `{}` and `{a: 1}` are 1).
 * Stops at the first path that goes too deep, so the cost is at most one pass over the value.
 */
export function nestsDeeperThan(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (typeof next.value !== "object" || next.value === null) continue;
    const depth = next.depth + 1;
    if (depth > max) return true;
    const children = Array.isArray(next.value) ? next.value : Object.values(next.value);
    for (const child of children) if (typeof child === "object" && child !== null) stack.push({ value: child, depth });
  }
  return false;
}

/** "Kind namespace/name" of an object read from a cluster, for sentences. */
export function objectTitle(kind: string, value: unknown): string {
  const metadata = typeof value === "object" && value !== null ? (value as { metadata?: { name?: unknown; namespace?: unknown } }).metadata : undefined;
  const name = typeof metadata?.name === "string" ? metadata.name : "(unnamed)";
  return typeof metadata?.namespace === "string" ? `${kind} ${metadata.namespace}/${name}` : `${kind} ${name}`;
}

/**
 * The sentence refusing an object the console reads but will not walk (diff, YAML, merge), or undefined when it
 * is shallow enough. Undefined values (an object that does not exist) pass.
 */
export function tooDeepProblem(kind: string, value: unknown, max = MAX_JSON_DEPTH): string | undefined {
  if (value === undefined || !nestsDeeperThan(value, max)) return undefined;
  return `${objectTitle(kind, value)} nests deeper than ${max} levels; the console will not edit it. Flatten it with kubectl, then try again.`;
}
