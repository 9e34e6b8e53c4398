// A cluster named in user input must be one the console knows (a kubeconfig context), and fresh: writing to a
// stale cluster would fail or, worse, be judged against state that is no longer true.
import { quoted, someOf } from "./bounded-text";
import type { FieldError } from "./field-error";

export type ClusterState = { name: string; stale: boolean; staleSince?: string };

/**
 * The error for a name that is none of the console's clusters (a 404 on the server); undefined for a known one.
 * `excluded`: kubeconfig contexts EASTWEST_CONTEXTS leaves out, which the message names as such.
 */
export function unknownClusterError(field: string, name: string, clusters: readonly ClusterState[], excluded: readonly string[] = []): FieldError | undefined {
  if (clusters.some((c) => c.name === name)) return undefined;
  const known = someOf(clusters.map((c) => c.name)) || "none";
  if (excluded.includes(name)) {
    return { field, message: `cluster ${quoted(name)} is in the kubeconfig but excluded by EASTWEST_CONTEXTS (watching: ${known}); add it there to use it.` };
  }
  return { field, message: `cluster ${quoted(name)} is not one of the console's clusters (${known}); pick one of them.` };
}

/** `unknownClusterError` for each element of a list (`<field>.<index>`), in one pass. */
export function unknownClusterErrors(field: string, names: readonly string[], clusters: readonly ClusterState[], excluded: readonly string[] = []): FieldError[] {
  const known = new Set(clusters.map((c) => c.name));
  return names.flatMap((name, i) => (known.has(name) ? [] : (unknownClusterError(`${field}.${i}`, name, clusters, excluded) ?? [])));
}

export function knownClusterError(field: string, name: string, clusters: readonly ClusterState[]): FieldError | undefined {
  const found = clusters.find((c) => c.name === name);
  if (!found) return unknownClusterError(field, name, clusters);
  if (found.stale) {
    const since = found.staleSince ? ` since ${found.staleSince}` : "";
    return { field, message: `cluster ${name} is unreachable or not synced${since}; wait until it is connected again, or leave it out.` };
  }
  return undefined;
}

/** Errors for every unknown or stale cluster of a list (`clusters.<index>`), plus duplicates; one pass. */
export function clusterListErrors(field: string, names: readonly string[], clusters: readonly ClusterState[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  names.forEach((name, i) => {
    const error = seen.has(name)
      ? { field: `${field}.${i}`, message: `cluster ${quoted(name)} is listed twice; list it once.` }
      : knownClusterError(`${field}.${i}`, name, clusters);
    seen.add(name);
    if (error) errors.push(error);
  });
  return errors;
}
