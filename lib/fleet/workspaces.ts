// The workspaces the management cluster defines, read from its cached Workspace and WorkspaceSetting objects
// (seed form: Workspace `spec.namespaceSelector.names`, WorkspaceSetting `spec.workspace` +
// `spec.defaultEastWestGatewaySettings.exposedServices`). Pure: reads a snapshot, returns plain data.
import { parseNamespacePattern, type NamespacePattern } from "@/lib/plan/workspace-scope";
import type { ClusterSnapshot } from "./snapshot-types";

export type WorkspaceDef = {
  name: string;
  patterns: NamespacePattern[];
  /** Service FQDNs to expose; empty means every service of the workspace (domain.md §3.1). */
  exposedServices: string[];
};

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

const field = (value: unknown, key: string): unknown =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;

/** Workspaces sorted by name; invalid selector entries are skipped (the planner reports them). */
export function workspacesOf(management: ClusterSnapshot | undefined): WorkspaceDef[] {
  if (!management) return [];
  const exposed = new Map<string, string[]>();
  for (const setting of management.objects.WorkspaceSetting.values()) {
    const workspace = field(setting.spec, "workspace");
    if (typeof workspace !== "string") continue;
    const list = strings(field(field(setting.spec, "defaultEastWestGatewaySettings"), "exposedServices"));
    exposed.set(workspace, [...(exposed.get(workspace) ?? []), ...list]);
  }
  const defs: WorkspaceDef[] = [];
  for (const ws of management.objects.Workspace.values()) {
    const names = strings(field(field(ws.spec, "namespaceSelector"), "names"));
    const patterns = names.map(parseNamespacePattern).filter((p): p is NamespacePattern => p !== undefined);
    defs.push({ name: ws.metadata.name, patterns, exposedServices: exposed.get(ws.metadata.name) ?? [] });
  }
  return defs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Whether the workspace covers `namespace` of `cluster`. */
export function workspaceCovers(ws: WorkspaceDef, cluster: string, namespace: string): boolean {
  return ws.patterns.some((p) => p.cluster(cluster) && p.namespace(namespace));
}
