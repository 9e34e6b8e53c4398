// A cluster named in user input must be one the console knows (a kubeconfig context), and fresh: writing to a
// stale cluster would fail or, worse, be judged against state that is no longer true.
import type { FieldError } from "./field-error";

export type ClusterState = { name: string; stale: boolean; staleSince?: string };

export function knownClusterError(field: string, name: string, clusters: readonly ClusterState[]): FieldError | undefined {
  const found = clusters.find((c) => c.name === name);
  if (!found) {
    const known = clusters.map((c) => c.name).join(", ") || "none";
    return { field, message: `cluster "${name}" is not one of the console's clusters (${known}); pick one of them.` };
  }
  if (found.stale) {
    const since = found.staleSince ? ` since ${found.staleSince}` : "";
    return { field, message: `cluster ${name} is unreachable or not synced${since}; wait until it is connected again, or leave it out.` };
  }
  return undefined;
}

/** Errors for every unknown or stale cluster of a list (`clusters.<index>`), plus duplicates. */
export function clusterListErrors(field: string, names: readonly string[], clusters: readonly ClusterState[]): FieldError[] {
  const errors: FieldError[] = [];
  names.forEach((name, i) => {
    if (names.indexOf(name) !== i) errors.push({ field: `${field}.${i}`, message: `cluster ${name} is listed twice; list it once.` });
    else {
      const error = knownClusterError(`${field}.${i}`, name, clusters);
      if (error) errors.push(error);
    }
  });
  return errors;
}
