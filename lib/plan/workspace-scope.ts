// Which (cluster, namespace) pairs a Workspace covers. `spec.namespaceSelector.names` entries are
// `cluster/namespace`, each side `*`, a literal, or (namespace only) a literal prefix ending in `*`
// (domain.md §2, TSB's own validation pattern). Only namespaces that exist in a cluster are covered.
import type { Condition } from "./conditions";
import type { ClusterInput, WorkspaceInput } from "./input";
import { compareStrings, uniqueSorted } from "./json";

export const NAMESPACE_SELECTOR_PATTERN = /^(\*|[^/*]+)\/(\*|[^/*]+\*?)$/;

type Matcher = (value: string) => boolean;

function matcher(part: string): Matcher {
  if (part === "*") return () => true;
  if (part.endsWith("*")) return (v) => v.startsWith(part.slice(0, -1));
  return (v) => v === part;
}

export type NamespacePattern = { cluster: Matcher; namespace: Matcher };

export function parseNamespacePattern(entry: string): NamespacePattern | undefined {
  const match = NAMESPACE_SELECTOR_PATTERN.exec(entry);
  if (!match) return undefined;
  const [, cluster = "", namespace = ""] = match;
  return { cluster: matcher(cluster), namespace: matcher(namespace) };
}

/** cluster → the namespaces of that cluster the workspace covers (sorted); clusters with none are absent. */
export type WorkspaceScope = ReadonlyMap<string, readonly string[]>;

export function covers(scope: WorkspaceScope, cluster: string, namespace: string): boolean {
  return scope.get(cluster)?.includes(namespace) ?? false;
}

export function workspaceScope(
  workspace: WorkspaceInput,
  clusters: readonly ClusterInput[],
): { scope: WorkspaceScope; conditions: Condition[] } {
  const conditions: Condition[] = [];
  const found = new Map<string, string[]>();
  for (const entry of workspace.namespaceSelector) {
    const pattern = parseNamespacePattern(entry);
    if (!pattern) {
      conditions.push({
        severity: "error",
        reason: "InvalidNamespacePattern",
        workspace: workspace.name,
        subject: entry,
        message: `namespaceSelector entry "${entry}" is not cluster/namespace (e.g. */bookinfo, c1/*, c1/ns*); it is ignored.`,
      });
      continue;
    }
    let matched = 0;
    for (const cluster of clusters) {
      if (!pattern.cluster(cluster.name)) continue;
      const namespaces = cluster.namespaces.filter(pattern.namespace);
      matched += namespaces.length;
      if (namespaces.length > 0) found.set(cluster.name, [...(found.get(cluster.name) ?? []), ...namespaces]);
    }
    if (matched === 0) {
      conditions.push({
        severity: "warning",
        reason: "NamespacePatternMatchesNothing",
        workspace: workspace.name,
        subject: entry,
        message: `namespaceSelector entry "${entry}" matches no existing namespace in any known cluster.`,
      });
    }
  }
  const sorted = [...found.entries()].sort(([a], [b]) => compareStrings(a, b));
  const scope = new Map(sorted.map(([c, ns]) => [c, uniqueSorted(ns)] as const));
  return { scope, conditions };
}
